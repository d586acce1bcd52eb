import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, DomainError } from '@cqo/core';
import { Actor, Role } from '@cqo/core';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  ent: string | null;
  reg: string | null;
  rp: string | null;
}

/** Signs and checks short-lived access tokens; the claims are exactly an {@link Actor}. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccess(actor: Actor): Promise<string> {
    const claims: AccessClaims = {
      sub: actor.userId,
      role: actor.role,
      org: actor.organizationId,
      ent: actor.enterpriseId,
      reg: actor.regionId,
      rp: actor.regionPath,
    };
    return this.jwt.signAsync(claims, {
      secret: this.config.jwt.accessSecret,
      expiresIn: this.config.jwt.accessTtlSeconds,
      algorithm: 'HS256',
    });
  }

  async verifyAccess(token: string): Promise<Actor> {
    try {
      const c = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.config.jwt.accessSecret,
        algorithms: ['HS256'],
      });
      return {
        userId: c.sub,
        role: c.role,
        organizationId: c.org,
        enterpriseId: c.ent,
        regionId: c.reg,
        regionPath: c.rp,
      };
    } catch {
      throw DomainError.unauthenticated('BAD_ACCESS_TOKEN', '登录已失效，请重新登录');
    }
  }
}
