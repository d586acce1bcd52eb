import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppConfig, Clock, Role } from '@cqo/core';
import { AuditLogService } from './audit/audit-log.service';
import { IdentityErrors } from './identity.errors';
import { LoginProtectionService } from './login-protection.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionStateService } from './sessions/session-state.service';
import { TokenService, VerifiedAccess } from './token.service';
import { TotpService } from './totp.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** Where a request came from, for the limits and the audit log. */
export interface RequestOrigin {
  ip: string;
  requestId?: string | null;
}

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly protection: LoginProtectionService,
    private readonly sessions: SessionStateService,
    private readonly audit: AuditLogService,
    private readonly policy: PasswordPolicy,
    private readonly totp: TotpService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Password (and TOTP when enrolled) log-in, behind the address and account limits. Every
   * failure is counted and audited; an unknown user name is answered like a wrong password.
   */
  async login(input: LoginInput, origin: RequestOrigin): Promise<TokenPair> {
    const username = input.username.trim().toLowerCase();
    await this.protection.assertAllowed(username, origin.ip);
    const user = await this.users.findByUsername(username);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !ok || user.status !== 'active') {
      await this.fail(username, origin, user?.id ?? null, 'password');
      throw IdentityErrors.badCredentials();
    }
    if (user.totpEnabledAt && user.totpSecret) {
      if (!input.totpCode) throw IdentityErrors.totpRequired();
      if (!(await this.spendTotpCode(user, input.totpCode))) {
        await this.fail(username, origin, user.id, 'totp');
        throw IdentityErrors.totpInvalid();
      }
    }
    await this.protection.recordSuccess(username, origin.ip);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: this.clock.now() });
      await this.audit.record(
        { action: 'login.succeeded', actorId: user.id, username, ip: origin.ip, requestId: origin.requestId },
        manager,
      );
      return this.issue(manager, user, randomUUID());
    });
  }

  private async fail(username: string, origin: RequestOrigin, userId: string | null, factor: 'password' | 'totp'): Promise<void> {
    const outcome = await this.protection.recordFailure(username, origin.ip);
    const base = { actorId: userId, username, ip: origin.ip, requestId: origin.requestId };
    await this.audit.recordQuietly({ ...base, action: 'login.failed', details: { factor } });
    if (outcome.lockedForSeconds > 0) {
      await this.audit.recordQuietly({ ...base, action: 'login.locked', details: { seconds: outcome.lockedForSeconds } });
    }
  }

  /**
   * Rotates a refresh token. A token used twice means it leaked, and its whole family is
   * revoked, unless the second use comes within the grace window (two tabs refreshing at once).
   * A session not refreshed for the idle timeout has ended.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const { grace, idle } = {
      grace: this.config.security.refreshGraceSeconds * 1000,
      idle: this.config.security.sessionIdleTimeoutSeconds * 1000,
    };
    const ended: { userId: string; familyId: string }[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || stored.revokedAt || stored.expiresAt <= now) return null;
      const reused = stored.usedAt !== null && now.getTime() - stored.usedAt.getTime() > grace;
      const idleTooLong = now.getTime() - stored.createdAt.getTime() > idle;
      if (reused || idleTooLong) {
        await this.revokeFamily(manager, stored.familyId);
        ended.push({ userId: stored.userId, familyId: stored.familyId });
        return null;
      }
      const user = await manager.findOneBy(UserEntity, { id: stored.userId });
      if (!user || user.status !== 'active') return null;
      if (!stored.usedAt) await manager.update(RefreshTokenEntity, { id: stored.id }, { usedAt: now });
      return this.issue(manager, user, stored.familyId);
    });
    for (const e of ended) await this.sessions.announceSession(e.userId, e.familyId);
    if (!result) throw IdentityErrors.badRefreshToken();
    return result;
  }

  /** Ends the caller's session (its access tokens too, on every instance) and, when given, a refresh token's. */
  async logout(access: VerifiedAccess | null, refreshToken: string | null, origin: RequestOrigin): Promise<void> {
    const families = new Map<string, string>();
    if (access?.sessionId) families.set(access.sessionId, access.actor.userId);
    if (refreshToken) {
      const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: sha256(refreshToken) });
      if (stored) families.set(stored.familyId, stored.userId);
    }
    for (const [familyId, userId] of families) {
      await this.dataSource.transaction(async (manager) => {
        await this.revokeFamily(manager, familyId);
        await this.audit.record({ action: 'logout', actorId: userId, ip: origin.ip, requestId: origin.requestId }, manager);
      });
      await this.sessions.announceSession(userId, familyId);
    }
  }

  /** Changes the caller's password: every session ends, and the caller gets a fresh one. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, origin: RequestOrigin): Promise<TokenPair> {
    const user = await this.users.findById(actor.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) throw IdentityErrors.currentPasswordWrong();
    this.policy.check(newPassword, { role: user.role, username: user.username, displayName: user.displayName }, 'newPassword');
    const hash = await this.hasher.hash(newPassword);
    const pair = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash: hash });
      await this.sessions.bumpVersion(manager, user.id);
      await this.audit.record({ action: 'password.changed', actorId: user.id, ip: origin.ip, requestId: origin.requestId }, manager);
      const fresh = await manager.findOneByOrFail(UserEntity, { id: user.id });
      return this.issue(manager, fresh, randomUUID());
    });
    await this.sessions.announceUser(user.id);
    return pair;
  }

  /** Starts (or restarts) TOTP enrolment: a new secret, in force once confirmed with a code. */
  async enrolTotp(actor: Actor): Promise<TotpEnrolment> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    if (user.totpEnabledAt) throw IdentityErrors.totpAlreadyEnabled();
    const secret = this.totp.newSecret();
    await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { totpSecret: this.totp.seal(secret), totpLastStep: null });
    return { secret, otpauthUri: this.totp.uri(secret, user.username) };
  }

  /** Confirms enrolment with a first code; the caller's other tokens end and a fresh pair is issued. */
  async confirmTotp(actor: Actor, code: string, origin: RequestOrigin): Promise<TokenPair> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    if (user.totpEnabledAt) throw IdentityErrors.totpAlreadyEnabled();
    if (!user.totpSecret) throw IdentityErrors.totpNotEnrolled();
    if (!(await this.spendTotpCode(user, code))) throw IdentityErrors.totpCodeInvalid();
    const pair = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { totpEnabledAt: this.clock.now() });
      await this.sessions.bumpVersion(manager, user.id);
      await this.audit.record({ action: 'totp.enabled', actorId: user.id, ip: origin.ip, requestId: origin.requestId }, manager);
      const fresh = await manager.findOneByOrFail(UserEntity, { id: user.id });
      return this.issue(manager, fresh, randomUUID());
    });
    await this.sessions.announceUser(user.id);
    return pair;
  }

  /**
   * Turns the second factor off, proven with a current code. A platform admin cannot while
   * production requires it (the next log-in would only ask to enrol again).
   */
  async disableTotp(actor: Actor, code: string, origin: RequestOrigin): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    if (!user.totpEnabledAt || !user.totpSecret) throw IdentityErrors.totpNotEnrolled();
    if (this.totpRequiredFor(user.role)) throw IdentityErrors.totpRequiredForRole();
    if (!(await this.spendTotpCode(user, code))) throw IdentityErrors.totpCodeInvalid();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { totpEnabledAt: null, totpSecret: null, totpLastStep: null });
      await this.audit.record({ action: 'totp.disabled', actorId: user.id, ip: origin.ip, requestId: origin.requestId }, manager);
    });
  }

  /**
   * Checks a TOTP code and spends its time step: of two requests carrying the same code (a replay,
   * or two at once) only the one that moves the last used step forward succeeds.
   */
  private async spendTotpCode(user: UserEntity, code: string): Promise<boolean> {
    const step = await this.totp.matchStep(
      this.totp.open(user.totpSecret!),
      code,
      user.totpLastStep === null ? null : Number(user.totpLastStep),
    );
    if (step === null) return false;
    const spent = await this.dataSource
      .createQueryBuilder()
      .update(UserEntity)
      .set({ totpLastStep: String(step) })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
      .execute();
    return (spent.affected ?? 0) > 0;
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: this.clock.now() })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** Whether the role must keep a second factor (platform admins, when the configuration says so). */
  totpRequiredFor(role: Role): boolean {
    return role === Role.PlatformAdmin && this.config.security.platformAdminTotpRequired;
  }

  /** Staff access tokens live at most the staff lifetime (ten minutes); trainees' the configured one. */
  accessTtlOf(role: Role): number {
    const ttl = this.config.jwt.accessTtlSeconds;
    return role === Role.Trainee ? ttl : Math.min(ttl, this.config.security.staffAccessTtlSeconds);
  }

  private async issue(manager: EntityManager, user: UserEntity, familyId: string): Promise<TokenPair> {
    const actor: Actor = await this.users.actorOf(user, manager);
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.jwt.refreshTtlSeconds * 1000);
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      createdAt: now,
    });
    const ttlSeconds = this.accessTtlOf(user.role);
    const totpEnrolmentPending = this.totpRequiredFor(user.role) && !user.totpEnabledAt;
    return {
      accessToken: await this.tokens.signAccess(actor, {
        sessionId: familyId,
        sessionVersion: user.sessionVersion,
        ttlSeconds,
        totpEnrolmentPending,
      }),
      accessTokenExpiresIn: ttlSeconds,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
