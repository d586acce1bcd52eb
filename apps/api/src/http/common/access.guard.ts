import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@cqo/core';
import { TokenService } from '@cqo/identity';
import { ACCESS_KEY, AccessRule, RequestWithActor } from './access.decorator';

/** Authenticates the bearer token and checks the route's declared roles. Undeclared routes are refused. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
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
    const actor = await this.tokens.verifyAccess(token);
    if (!rule.roles.includes(actor.role)) throw DomainError.forbidden('ROLE_FORBIDDEN', '当前角色无权执行此操作');
    request.actor = actor;
    return true;
  }
}
