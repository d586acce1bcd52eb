import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@cqo/core';
import { Role } from '@cqo/core';
import type { VerifiedAccess } from '@cqo/identity';
import { ErrorBodyDto } from './error-body';

export const ACCESS_KEY = 'cqo:access';
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Every failure, whatever its status (400 bad input, 404, 409, 429…), answers with the one error body. */
const ApiErrorBody = () => ApiDefaultResponse({ description: '错误：{statusCode, code, message, details}', type: ErrorBodyDto });

/**
 * Declares who may call a route. Every route must say: a route without it is refused to everyone
 * (the default is deny), and a test walks all routes to check none forgot.
 */
export function Access(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录或登录已失效', type: ErrorBodyDto }),
    ApiForbiddenResponse({ description: '角色或范围不允许', type: ErrorBodyDto }),
    ApiErrorBody(),
  );
}

/** Any signed-in user, whatever the role. */
export const AnySignedIn = () => Access(...Object.values(Role));

/** No log-in needed (public verification, log-in itself, health). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule), ApiErrorBody());

/**
 * Routes a platform admin may call before enrolling the TOTP second factor that production
 * requires (who am I, log out, enrol); every other route answers 403 until then.
 */
export const TOTP_ENROLMENT_KEY = 'cqo:totp-enrolment';
export const AllowedBeforeTotpEnrolment = () => SetMetadata(TOTP_ENROLMENT_KEY, true);

export interface RequestWithActor {
  actor?: Actor;
  /** The verified token behind `actor` (its session), for log-out. */
  access?: VerifiedAccess;
}

/** The caller's verified access token (set by the access guard). */
export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext): VerifiedAccess => {
  const access = ctx.switchToHttp().getRequest<RequestWithActor>().access;
  if (!access) throw new Error('CurrentAccess used on a route without an access rule');
  return access;
});

/** The caller, as proven by the access token (set by the access guard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an access rule');
  return actor;
});
