import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, DomainError } from '@cqo/core';
import { IdentityRedis } from './sessions/identity-redis';

const ADDRESS_WINDOW_MS = 15 * 60_000;
/** An account's failures are forgotten a day after the last one (or at a successful log-in). */
const ACCOUNT_WINDOW_MS = 24 * 3600_000;
const MAX_LOCK_SECONDS = 3600;

/**
 * Counts one failure: per address (spraying) and per account (guessing), and locks the account
 * for base × 2^(failures − threshold) seconds once it reaches the threshold (等保: lockout with
 * increasing delay). Returns the address failures, the account failures and the lock in ms (0: none).
 */
const FAILURE_SCRIPT = `
local byAddress = redis.call('INCR', KEYS[1])
if byAddress == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local byAccount = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
local threshold = tonumber(ARGV[3])
local lockMs = 0
if byAccount >= threshold then
  lockMs = math.min(tonumber(ARGV[4]) * (2 ^ (byAccount - threshold)), tonumber(ARGV[5])) * 1000
  redis.call('SET', KEYS[3], '1', 'PX', lockMs)
end
return {byAddress, byAccount, lockMs}`;

export interface FailureOutcome {
  lockedForSeconds: number;
}

/**
 * Log-in protection shared by every API instance through Redis: failed log-ins per client
 * address across user names, and per account across addresses with a growing lock. The lock
 * is keyed by the user name tried, so an unknown name is answered exactly like a known one.
 * Should Redis be away, these limits lapse (the per-address-and-name throttler still counts in
 * each process) rather than refusing every log-in.
 */
@Injectable()
export class LoginProtectionService {
  private readonly logger = new Logger(LoginProtectionService.name);
  private lastWarningAt = 0;

  constructor(
    private readonly redis: IdentityRedis,
    private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string) {
    return {
      address: `login:failures:address:${ip}`,
      account: `login:failures:account:${username}`,
      lock: `login:lock:${username}`,
    };
  }

  /** Refuses (429) an address past its failures or an account under lock, before any password is checked. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const keys = this.keys(username, ip);
    let answer: [string | null, number];
    try {
      await this.redis.ready(this.redis.commands);
      const pipeline = this.redis.commands.multi().get(keys.address).pttl(keys.lock);
      const results = (await pipeline.exec()) ?? [];
      answer = [results[0]?.[1] as string | null, Number(results[1]?.[1] ?? -2)];
    } catch (error) {
      this.warn(error);
      return;
    }
    const [byAddress, lockMs] = answer;
    if (Number(byAddress ?? 0) >= this.config.security.loginFailuresPerAddress) {
      throw DomainError.rateLimited('LOGIN_RATE_LIMITED', '该地址登录失败次数过多，请稍后再试');
    }
    if (lockMs > 0) throw LoginErrors.locked(Math.ceil(lockMs / 1000));
  }

  async recordFailure(username: string, ip: string): Promise<FailureOutcome> {
    const keys = this.keys(username, ip);
    const s = this.config.security;
    try {
      await this.redis.ready(this.redis.commands);
      const [, , lockMs] = (await this.redis.commands.eval(
        FAILURE_SCRIPT,
        3,
        keys.address,
        keys.account,
        keys.lock,
        ADDRESS_WINDOW_MS,
        ACCOUNT_WINDOW_MS,
        s.lockoutThreshold,
        s.lockoutBaseSeconds,
        MAX_LOCK_SECONDS,
      )) as number[];
      return { lockedForSeconds: Math.ceil(lockMs / 1000) };
    } catch (error) {
      this.warn(error);
      return { lockedForSeconds: 0 };
    }
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    try {
      await this.redis.commands.del(this.keys(username, ip).account);
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = Date.now();
    this.logger.warn(`log-in counters unavailable in Redis: ${(error as Error).message}`);
  }
}

export const LoginErrors = {
  locked: (seconds: number) =>
    DomainError.rateLimited('ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`),
};
