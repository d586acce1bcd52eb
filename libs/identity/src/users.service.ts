import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, offsetOf, Page, pageOf, PageRequest, Role } from '@cqo/core';
import { IdentityErrors } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { UserEntity, UserStatus } from './user.entity';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
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
}

/** Which scope field each role must carry (and no other). */
const SCOPE_OF: Readonly<Record<Role, 'organizationId' | 'enterpriseId' | 'regionId' | null>> = {
  [Role.Trainee]: null,
  [Role.OrgAdmin]: 'organizationId',
  [Role.EnterpriseAdmin]: 'enterpriseId',
  [Role.Regulator]: 'regionId',
  [Role.PlatformAdmin]: null,
};

const SCOPE_TABLE = { organizationId: 'training_organizations', enterpriseId: 'enterprises', regionId: 'regions' } as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates a user, checking that the role carries exactly its scope and that the scope exists. */
  async create(input: NewUser, manager: EntityManager = this.dataSource.manager): Promise<UserView> {
    const scope = SCOPE_OF[input.role];
    for (const field of ['organizationId', 'enterpriseId', 'regionId'] as const) {
      if (field === scope && !input[field]) throw IdentityErrors.scopeMissing(field);
      if (field !== scope && input[field]) throw IdentityErrors.scopeNotAllowed(field);
    }
    if (scope) await this.requireScopeExists(manager, scope, input[scope]!);
    const entity = manager.create(UserEntity, {
      username: input.username.trim().toLowerCase(),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      role: input.role,
      organizationId: input.organizationId ?? null,
      enterpriseId: input.enterpriseId ?? null,
      regionId: input.regionId ?? null,
    });
    try {
      return toView(await manager.save(entity));
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_username')) throw IdentityErrors.usernameTaken();
      throw error;
    }
  }

  private async requireScopeExists(manager: EntityManager, field: keyof typeof SCOPE_TABLE, id: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${SCOPE_TABLE[field]} WHERE id = $1`, [id]);
    if (rows.length === 0) throw IdentityErrors.scopeNotFound(field);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw IdentityErrors.userNotFound();
    return toView(user);
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

  async setStatus(id: string, status: UserStatus): Promise<UserView> {
    await this.get(id);
    await this.dataSource.getRepository(UserEntity).update({ id }, { status });
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
  };
}
