import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

// @nestjs/throttler does not export the record type from its entry point.
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key: count the hit, start the window on the first, and once past the
 * limit block the key for `blockMs` (the window when 0). Atomic, so API instances sharing Redis
 * count together. Returns hits, window ms left, blocked (0/1), block ms left.
 */
const INCREMENT_SCRIPT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockLeft}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block <= 0 then block = windowLeft end
  redis.call('SET', KEYS[2], '1', 'PX', block)
  return {hits, windowLeft, 1, block}
end
return {hits, windowLeft, 0, 0}`;

/**
 * Rate-limit counters in Redis, shared by every API instance (the throttler's own storage keeps
 * them per process, so N instances would allow N times the limit). Should Redis be away, each
 * instance counts on its own meanwhile rather than refusing log-ins or verifications.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private lastWarningAt = 0;

  constructor(private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const hitsKey = `throttle:${throttlerName}:${key}`;
    try {
      const [hits, windowMs, blocked, blockMs] = (await this.redis.eval(
        INCREMENT_SCRIPT,
        2,
        hitsKey,
        `${hitsKey}:blocked`,
        ttl,
        limit,
        blockDuration,
      )) as number[];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(windowMs / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockMs / 1000),
      };
    } catch (error) {
      if (Date.now() - this.lastWarningAt > 60_000) {
        this.lastWarningAt = Date.now();
        this.logger.warn(`rate-limit counters unavailable in Redis, counting in this process: ${(error as Error).message}`);
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }
}
