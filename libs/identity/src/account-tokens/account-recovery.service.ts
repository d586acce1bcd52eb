import { createHash, createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, DomainError, OutboxWriter, runCommand, runQuery } from '@cqo/core';
import { accountTokenExpiry, activeAccountsWithEmail, insertAccountToken, lockUserEmail, spendPasswordResets } from '../sql/accounts.sql';
import { AuditLogService } from '../audit/audit-log.service';
import { RequestOrigin } from '../auth.service';
import { PasswordHasher } from '../password-hasher';
import { PasswordPolicy } from '../password-policy';
import { SessionStateService } from '../sessions/session-state.service';
import { UserEntity } from '../user.entity';
import { AccountTokenEntity, AccountTokenPurpose } from './account-token.entity';

/** A reset link works 30 minutes (issue 16); a verification link a week (people read mail late). */
export const ACCOUNT_TOKEN_TTL_SECONDS: Readonly<Record<AccountTokenPurpose, number>> = {
  password_reset: 30 * 60,
  email_verification: 7 * 86400,
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Lower-case and trimmed: the one spelling of an address we store and compare. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const badLink = () =>
  DomainError.invalid('ACCOUNT_TOKEN_INVALID', '链接无效或已过期，请重新申请', [{ field: 'token', message: '链接无效或已过期' }]);

export interface IssuedToken {
  token: string;
  expiresAt: Date;
  /** False when the same request had already issued it (a retried mail job). */
  fresh: boolean;
}

/**
 * Password reset and e-mail verification by mailed link. The API only records the request in the
 * outbox (the same work whether an account exists or not, so neither the answer nor its timing
 * tells); the mail job issues the token. Tokens are single use and stored hashed.
 */
@Injectable()
export class AccountRecoveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionStateService,
    private readonly audit: AuditLogService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Records the request; the answer is the same whether or not any account holds the address. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.outbox.record(manager, 'identity.password-reset-requested', { email: normalizeEmail(email) }),
    );
  }

  /** Asks for a verification mail to the account's address (inside the caller's transaction). */
  async requestVerification(manager: EntityManager, userId: string, email: string): Promise<void> {
    await this.outbox.record(manager, 'identity.email-verification-requested', { userId, email: normalizeEmail(email) });
  }

  /** Active accounts holding an address (the reset mail job's recipients). */
  accountsWithEmail(email: string): Promise<{ id: string; username: string; displayName: string; email: string }[]> {
    return runQuery(this.dataSource, activeAccountsWithEmail, [normalizeEmail(email)]);
  }

  /**
   * The token of one request (`seed`: the outbox event and account), rebuilt identically by a
   * retried job; its hash is stored once, and its lifetime runs from the first issue.
   */
  async issue(purpose: AccountTokenPurpose, userId: string, email: string, seed: string): Promise<IssuedToken> {
    const token = createHmac('sha256', this.config.mail.signingKey).update(`${purpose}:${seed}:${userId}`).digest('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + ACCOUNT_TOKEN_TTL_SECONDS[purpose] * 1000);
    const inserted = await runQuery(this.dataSource, insertAccountToken, [
      userId,
      purpose,
      sha256(token),
      normalizeEmail(email),
      expiresAt,
    ]);
    if (inserted.length > 0) return { token, expiresAt, fresh: true };
    const [row] = await runQuery(this.dataSource, accountTokenExpiry, [sha256(token)]);
    return { token, expiresAt: row.expires_at, fresh: false };
  }

  /**
   * Sets a new password from a reset link: the link is spent, every session of the account ends
   * (refresh tokens revoked, access tokens refused by session version, as a password change does),
   * and the address is verified (the link proved it). A weak password leaves the link usable.
   */
  async resetPassword(token: string, newPassword: string, origin: RequestOrigin): Promise<void> {
    const userId = await this.dataSource.transaction(async (manager) => {
      const { row, user } = await this.spend(manager, 'password_reset', token);
      this.policy.check(newPassword, { role: user.role, username: user.username, displayName: user.displayName }, 'newPassword');
      const now = this.clock.now();
      await manager.update(
        UserEntity,
        { id: user.id },
        {
          passwordHash: await this.hasher.hash(newPassword),
          ...(user.email === row.email && !user.emailVerifiedAt ? { emailVerifiedAt: now } : {}),
        },
      );
      // Other reset links of the account end too: one reset per request.
      await runCommand(manager, spendPasswordResets, [user.id, now]);
      await this.sessions.bumpVersion(manager, user.id);
      await this.audit.record({ action: 'password.reset', actorId: user.id, ip: origin.ip, requestId: origin.requestId }, manager);
      return user.id;
    });
    await this.sessions.announceUser(userId);
  }

  /** Marks the address verified, if it is still the account's address. */
  async verifyEmail(token: string, origin: RequestOrigin): Promise<{ email: string; verified: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const { row, user } = await this.spend(manager, 'email_verification', token);
      const current = user.email === row.email;
      if (current && !user.emailVerifiedAt) {
        await manager.update(UserEntity, { id: user.id }, { emailVerifiedAt: this.clock.now() });
        await this.audit.record({ action: 'email.verified', actorId: user.id, ip: origin.ip, requestId: origin.requestId }, manager);
      }
      return { email: row.email, verified: current };
    });
  }

  /** A new address for the account: unverified until its link is followed (a mail is requested). */
  async changeEmail(userId: string, email: string | null, origin: RequestOrigin): Promise<void> {
    const next = email === null ? null : normalizeEmail(email);
    await this.dataSource.transaction(async (manager) => {
      const [row] = await runQuery(manager, lockUserEmail, [userId]);
      if (!row || row.email === next) return;
      await manager.update(UserEntity, { id: userId }, { email: next, emailVerifiedAt: null });
      await this.audit.record({ action: 'email.changed', actorId: userId, ip: origin.ip, requestId: origin.requestId }, manager);
      if (next) await this.requestVerification(manager, userId, next);
    });
  }

  /** Another verification mail for the account's unverified address. */
  async resendVerification(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await runQuery(manager, lockUserEmail, [userId]);
      if (!row?.email) throw DomainError.conflict('EMAIL_MISSING', '请先填写邮箱');
      if (row.email_verified_at) throw DomainError.conflict('EMAIL_ALREADY_VERIFIED', '邮箱已验证');
      await this.requestVerification(manager, userId, row.email);
    });
  }

  /** Finds an unspent, unexpired token of the purpose for an active account, and spends it. */
  private async spend(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    token: string,
  ): Promise<{ row: AccountTokenEntity; user: UserEntity }> {
    const row = await manager.findOne(AccountTokenEntity, {
      where: { tokenHash: sha256(token), purpose },
      lock: { mode: 'pessimistic_write' },
    });
    const now = this.clock.now();
    if (!row || row.usedAt || row.expiresAt <= now) throw badLink();
    const user = await manager.findOneBy(UserEntity, { id: row.userId });
    if (!user || user.status !== 'active') throw badLink();
    await manager.update(AccountTokenEntity, { id: row.id }, { usedAt: now });
    return { row, user };
  }
}
