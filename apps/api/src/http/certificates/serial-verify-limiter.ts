import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, DomainError, RedisClient } from '@cqo/core';

const WINDOW_MS = 3600_000;

/**
 * Public verifications per certificate serial, from all addresses and API instances together
 * (Redis): serials are sequential, so guessing the ID number's last four for one serial from
 * many addresses must stop too. Should Redis be away, the per-address limit still holds.
 */
@Injectable()
export class SerialVerifyLimiter {
  private readonly logger = new Logger(SerialVerifyLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  async hit(serial: string): Promise<void> {
    const key = `verify:serial:${serial.trim().toUpperCase().slice(0, 64)}`;
    let hits: number;
    try {
      const results = (await this.redis.redis.multi().incr(key).pexpire(key, WINDOW_MS, 'NX').exec()) ?? [];
      hits = Number(results[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.warn(`serial verification counter unavailable: ${(error as Error).message}`);
      return;
    }
    if (hits > this.config.security.verifySerialLimitPerHour) {
      throw DomainError.rateLimited('VERIFY_SERIAL_RATE_LIMITED', '该证书编号核验过于频繁，请稍后再试');
    }
  }
}
