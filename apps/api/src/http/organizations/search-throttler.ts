import { ExecutionContext, Injectable, SetMetadata, applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, ThrottlerOptions } from '@nestjs/throttler';

export const SEARCH_THROTTLER = 'search';
const SEARCH_THROTTLED = 'cqo:search-throttled';

/** Public employer searches per client address and minute (a form needs a handful; a crawler many). */
export const PUBLIC_SEARCH_LIMIT_PER_MINUTE = 30;

/**
 * The named throttler of the public employer search, for ThrottlerModule.forRoot. It counts only
 * routes marked {@link SearchThrottled}, so other guarded routes never spend it.
 */
export function searchThrottler(limitPerMinute = PUBLIC_SEARCH_LIMIT_PER_MINUTE): ThrottlerOptions {
  return {
    name: SEARCH_THROTTLER,
    ttl: 60_000,
    limit: limitPerMinute,
    skipIf: (context: ExecutionContext) =>
      !(Reflect.getMetadata(SEARCH_THROTTLED, context.getHandler()) ?? Reflect.getMetadata(SEARCH_THROTTLED, context.getClass())),
  };
}

@Injectable()
export class SearchThrottlerGuard extends ThrottlerGuard {}

/** Limits a public search route per client address; the log-in throttler does not apply here. */
export function SearchThrottled() {
  return applyDecorators(SetMetadata(SEARCH_THROTTLED, true), SkipThrottle({ login: true }), UseGuards(SearchThrottlerGuard));
}
