import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@cqo/core';
import { IdentityErrors, SessionStateService, TokenService } from '@cqo/identity';
import { ACCESS_KEY, AccessRule, RequestWithActor, TOTP_ENROLMENT_KEY } from './access.decorator';

/**
 * Authenticates the bearer token, checks that its account is active and its session current
 * (cached per process; a revocation takes effect at once on every instance), and checks the route's
 * declared roles. Undeclared routes are refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStateService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw DomainError.forbidden('ACCESS_UNDECLARED', '该接口未开放');
    if ('public' in rule) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw DomainError.unauthenticated('NOT_AUTHENTICATED', '请先登录');
    }
    const access = await this.tokens.verifyAccess(token);
    const actor = access.actor;
    await this.sessions.check({ userId: actor.userId, sessionId: access.sessionId, sessionVersion: access.sessionVersion });
    if (!rule.roles.includes(actor.role)) throw DomainError.forbidden('ROLE_FORBIDDEN', '当前角色无权执行此操作');
    if (
      access.totpEnrolmentPending &&
      !this.reflector.getAllAndOverride<boolean>(TOTP_ENROLMENT_KEY, [context.getHandler(), context.getClass()])
    ) {
      throw IdentityErrors.totpEnrolmentRequired();
    }
    request.actor = actor;
    request.access = access;
    return true;
  }
}
