import { ExecutionContext, Injectable, SetMetadata, applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerOptions } from '@nestjs/throttler';

export const VERIFY_THROTTLER = 'verify';
const VERIFY_THROTTLED = 'cqo:verify-throttled';

/**
 * The named throttler of public certificate verification, for ThrottlerModule.forRoot. It
 * counts only routes marked {@link VerifyThrottled}, so other guarded routes never spend it.
 */
export function verifyThrottler(limitPerMinute: number): ThrottlerOptions {
  return {
    name: VERIFY_THROTTLER,
    ttl: 60_000,
    limit: limitPerMinute,
    skipIf: (context: ExecutionContext) =>
      !(Reflect.getMetadata(VERIFY_THROTTLED, context.getHandler()) ?? Reflect.getMetadata(VERIFY_THROTTLED, context.getClass())),
  };
}

/** Limits public verifications per client address; the other named throttlers do not apply here. */
@Injectable()
export class VerifyThrottlerGuard extends ThrottlerGuard {}

export function VerifyThrottled() {
  return applyDecorators(SetMetadata(VERIFY_THROTTLED, true), SkipThrottle({ login: true }), UseGuards(VerifyThrottlerGuard));
}
