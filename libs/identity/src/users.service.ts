import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isUniqueViolation, offsetOf, Page, pageOf, PageRequest, Role, runCommand, runQuery } from '@cqo/core';
import { displayNamesOf, enterpriseExists, setDisplayName, lockUserStatus, organizationExists, regionExists } from './sql/accounts.sql';
import { AuditLogService } from './audit/audit-log.service';
import { IdentityErrors } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { SessionStateService } from './sessions/session-state.service';
import { UserEntity, UserStatus } from './user.entity';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  organizationId?: string | null;
  enterpriseId?: string | null;
  regionId?: string | null;
  /** Mail address (lower-cased); the caller asks for its verification mail. */
  email?: string | null;
}

/** A new role and the scope it needs (exactly one of the ids for a scoped role). */
export interface RoleChange {
  role: Role;
  organizationId?: string | null;
  enterpriseId?: string | null;
  regionId?: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  enterpriseId: string | null;
  regionId: string | null;
  status: UserStatus;
  createdAt: Date;
  lastLoginAt: Date | null;
  totpEnabled: boolean;
  email: string | null;
  emailVerified: boolean;
}

/** Which scope field each role must carry (and no other). */
const SCOPE_OF: Readonly<Record<Role, 'organizationId' | 'enterpriseId' | 'regionId' | null>> = {
  [Role.Trainee]: null,
  [Role.OrgAdmin]: 'organizationId',
  [Role.EnterpriseAdmin]: 'enterpriseId',
  [Role.Regulator]: 'regionId',
  [Role.PlatformAdmin]: null,
};

const SCOPE_EXISTS = { organizationId: organizationExists, enterpriseId: enterpriseExists, regionId: regionExists } as const;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionStateService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * Creates a user, checking that the role carries exactly its scope and that the scope exists,
   * and that the password is strong enough for the role. `by` (a platform admin) is audited.
   */
  async create(input: NewUser, manager: EntityManager = this.dataSource.manager, by?: Actor): Promise<UserView> {
    await this.checkScope(manager, input);
    this.policy.check(input.password, { role: input.role, username: input.username, displayName: input.displayName });
    const entity = manager.create(UserEntity, {
      username: input.username.trim().toLowerCase(),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      role: input.role,
      organizationId: input.organizationId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      regionId: input.regionId ?? null,
      email: input.email ? input.email.trim().toLowerCase() : null,
    });
    let saved: UserEntity;
    try {
      saved = await manager.save(entity);
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_username')) throw IdentityErrors.usernameTaken();
      throw error;
    }
    if (by)
      await this.audit.record({ action: 'user.created', actorId: by.userId, subjectId: saved.id, details: { role: saved.role } }, manager);
    return toView(saved);
  }

  private async checkScope(manager: EntityManager, input: RoleChange): Promise<void> {
    const scope = SCOPE_OF[input.role];
    for (const field of ['organizationId', 'enterpriseId', 'regionId'] as const) {
      if (field === scope && !input[field]) throw IdentityErrors.scopeMissing(field);
      if (field !== scope && input[field]) throw IdentityErrors.scopeNotAllowed(field);
    }
    if (scope) await this.requireScopeExists(manager, scope, input[scope]!);
  }

  private async requireScopeExists(manager: EntityManager, field: keyof typeof SCOPE_EXISTS, id: string): Promise<void> {
    const rows = await runQuery(manager, SCOPE_EXISTS[field], [id]);
    if (rows.length === 0) throw IdentityErrors.scopeNotFound(field);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw IdentityErrors.userNotFound();
    return toView(user);
  }

  /** Renames an account (a trainee's name follows their profile), in the caller's transaction. */
  async setDisplayNameWithin(manager: EntityManager, userId: string, displayName: string): Promise<void> {
    await runCommand(manager, setDisplayName, [userId, displayName]);
  }

  /** The display names of accounts by id (ids of no account are left out). */
  displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    return displayNamesOf(this.dataSource, ids);
  }

  async list(filter: { role?: Role }, page: PageRequest): Promise<Page<UserView>> {
    const [rows, total] = await this.dataSource.getRepository(UserEntity).findAndCount({
      where: filter.role ? { role: filter.role } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(page),
      take: page.pageSize,
    });
    return pageOf(rows.map(toView), total, page);
  }

  /** Disabling ends every session of the account at once, on every API instance. */
  async setStatus(actor: Actor, id: string, status: UserStatus): Promise<UserView> {
    const before = await this.get(id);
    if (before.status === status) return before;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id }, { status });
      await this.sessions.bumpVersion(manager, id);
      await this.audit.record(
        { action: 'user.status_changed', actorId: actor.userId, subjectId: id, details: { from: before.status, to: status } },
        manager,
      );
    });
    await this.sessions.announceUser(id);
    return this.get(id);
  }

  /**
   * Disables an account inside the caller's transaction (audited with `reason`); call
   * {@link announceSessionsEnded} after the commit so every API instance refuses its tokens at once.
   */
  async disableWithin(manager: EntityManager, actor: Actor, id: string, reason: string): Promise<void> {
    const [row] = await runQuery(manager, lockUserStatus, [id]);
    if (!row) throw IdentityErrors.userNotFound();
    if (row.status === 'disabled') return;
    await manager.update(UserEntity, { id }, { status: 'disabled' });
    await this.sessions.bumpVersion(manager, id);
    await this.audit.record(
      { action: 'user.status_changed', actorId: actor.userId, subjectId: id, details: { from: row.status, to: 'disabled', reason } },
      manager,
    );
  }

  async announceSessionsEnded(id: string): Promise<void> {
    await this.sessions.announceUser(id);
  }

  /** A new role or scope ends every session of the account (its tokens carry the old ones). */
  async changeRole(actor: Actor, id: string, change: RoleChange): Promise<UserView> {
    const before = await this.get(id);
    if (before.role === Role.Trainee || change.role === Role.Trainee) throw IdentityErrors.traineeRoleFixed();
    await this.dataSource.transaction(async (manager) => {
      await this.checkScope(manager, change);
      await manager.update(
        UserEntity,
        { id },
        {
          role: change.role,
          organizationId: change.organizationId ?? null,
          enterpriseId: change.enterpriseId ?? null,
          regionId: change.regionId ?? null,
        },
      );
      await this.sessions.bumpVersion(manager, id);
      await this.audit.record(
        {
          action: 'user.role_changed',
          actorId: actor.userId,
          subjectId: id,
          details: {
            from: {
              role: before.role,
              organizationId: before.organizationId,
              enterpriseId: before.enterpriseId,
              regionId: before.regionId,
            },
            to: {
              role: change.role,
              organizationId: change.organizationId ?? null,
              enterpriseId: change.enterpriseId ?? null,
              regionId: change.regionId ?? null,
            },
          },
        },
        manager,
      );
    });
    await this.sessions.announceUser(id);
    return this.get(id);
  }
}

function toView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organizationId: u.organizationId,
    enterpriseId: u.enterpriseId,
    regionId: u.regionId,
    status: u.status,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
    totpEnabled: u.totpEnabledAt !== null,
    email: u.email,
    emailVerified: u.emailVerifiedAt !== null,
  };
}
