import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@cqo/core';
import { IdentityErrors } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { Actor } from '@cqo/core';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByUsername(username);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== 'active') throw IdentityErrors.badCredentials();
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: this.clock.now() });
      return this.issue(manager, user, randomUUID());
    });
  }

  /** Rotates a refresh token. A token used twice means it leaked: its whole family is revoked. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || stored.revokedAt || stored.expiresAt <= now) return null;
      if (stored.usedAt) {
        await this.revokeFamily(manager, stored.familyId);
        return null;
      }
      const user = await manager.findOneBy(UserEntity, { id: stored.userId });
      if (!user || user.status !== 'active') return null;
      await manager.update(RefreshTokenEntity, { id: stored.id }, { usedAt: now });
      return this.issue(manager, user, stored.familyId);
    });
    if (!result) throw IdentityErrors.badRefreshToken();
    return result;
  }

  async logout(refreshToken: string): Promise<void> {
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: sha256(refreshToken) });
    if (stored) await this.revokeFamily(this.dataSource.manager, stored.familyId);
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: this.clock.now() })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  private async issue(manager: EntityManager, user: UserEntity, familyId: string): Promise<TokenPair> {
    const actor: Actor = await this.users.actorOf(user, manager);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(this.clock.now().getTime() + this.config.jwt.refreshTtlSeconds * 1000);
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    return {
      accessToken: await this.tokens.signAccess(actor),
      accessTokenExpiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
