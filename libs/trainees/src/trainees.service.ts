import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AppConfig,
  Clock,
  CommonErrors,
  isUniqueViolation,
  isValidChineseIdNumber,
  isValidChinesePhone,
  maskIdNumber,
  maskPhone,
  OutboxWriter,
  piiHash,
  Role,
  runCommand,
  runQuery,
  ScopePolicy,
} from '@cqo/core';
import { AccountRecoveryService, AuditLogService, UsersService } from '@cqo/identity';
import { IdNumberCollisionEntity } from './id-number-collision.entity';
import { IdentityReferences } from './identity-references/identity-references';
import { setIdNumber, resolveCollisionsCorrected } from './sql/id-number-collisions.sql';
import {
  countEmployees,
  decideEmployerLink,
  employeesById,
  employeesPage,
  enterpriseExists,
  enterpriseRegionPath,
  idNumberHolder,
  lockEmployee,
  lockOwnProfile,
  lockPendingEmployerLink,
  pendingEmployees,
  profileById,
  userIdByIdNumberHash,
} from './sql/trainees.sql';
import { EducationLevel, QualityQualification, TraineeProfileEntity } from './trainee-profile.entity';
import { TraineeErrors } from './trainees.errors';

export interface ProfileInput {
  fullName: string;
  idNumber: string;
  phone?: string | null;
  enterpriseId?: string | null;
  educationLevel: EducationLevel;
  qualityWorkYears: number;
  qualityQualification: QualityQualification;
  relatedSeniorTitle: boolean;
  titleName?: string | null;
  yearlyRequirementsOptIn?: boolean;
}

export interface PendingEmployeeView {
  userId: string;
  fullName: string;
  idNumberMasked: string;
  requestedAt: Date;
}

/**
 * A profile update: the trainee sees their ID number and phone only masked, so leaving either
 * out keeps what is stored (an empty phone clears it).
 */
export type ProfileUpdate = Omit<ProfileInput, 'idNumber' | 'phone'> & { idNumber?: string; phone?: string | null };

/** A confirmed employee as the enterprise admin sees them (masked). */
export interface EmployeeView {
  userId: string;
  fullName: string;
  idNumberMasked: string;
  linkedAt: Date | null;
}

export interface Registration extends ProfileInput {
  username: string;
  password: string;
  /** Optional: a verification mail goes to it; mail is sent only to verified addresses. */
  email?: string;
}

/** A profile as people may see it: personal data masked. */
export interface TraineeProfileView {
  userId: string;
  fullName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  /** The confirmed employer. */
  enterpriseId: string | null;
  enterpriseName: string | null;
  /** An employer named but not yet confirmed by that enterprise's admin. */
  pendingEnterpriseId: string | null;
  pendingEnterpriseName: string | null;
  educationLevel: EducationLevel;
  qualityWorkYears: number;
  qualityQualification: QualityQualification;
  relatedSeniorTitle: boolean;
  titleName: string | null;
  yearlyRequirementsOptIn: boolean;
}

@Injectable()
export class TraineesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
    private readonly references: IdentityReferences,
    private readonly recovery: AccountRecoveryService,
  ) {}

  /**
   * Self-registration: the account, the profile and the `user.registered` event commit together.
   * An ID number another account holds is answered exactly as a fresh one: the new profile keeps
   * no usable ID hash and the collision is recorded for the enterprise admin or the city to
   * resolve, so registration never tells anyone whether a person is on the platform. A named
   * employer stays pending until that enterprise's admin confirms it.
   */
  async register(input: Registration, attempt = 1): Promise<TraineeProfileView> {
    const { enterpriseId: requested, ...columns } = await this.profileColumns(input);
    let userId: string;
    try {
      userId = await this.dataSource.transaction(async (manager) => {
        const user = await this.users.create(
          {
            username: input.username,
            password: input.password,
            displayName: input.fullName,
            role: Role.Trainee,
            email: input.email ?? null,
          },
          manager,
        );
        if (input.email) await this.recovery.requestVerification(manager, user.id, input.email);
        const holder = await this.holderOf(manager, columns.idNumberHash);
        const idColumns = holder ? await this.recordCollision(manager, user.id, holder, columns, requested) : {};
        await manager.insert(TraineeProfileEntity, {
          userId: user.id,
          ...columns,
          ...idColumns,
          enterpriseId: null,
          requestedEnterpriseId: requested,
          employerRequestedAt: requested ? this.clock.now() : null,
        });
        await this.outbox.record(manager, 'user.registered', { userId: user.id });
        return user.id;
      });
    } catch (error) {
      // Two registrations of one ID number at once: the second is a collision like any other.
      if (attempt === 1 && isUniqueViolation(error, 'ux_trainee_profiles_id_number_hash')) return this.register(input, 2);
      throw error;
    }
    return this.view(userId);
  }

  private async holderOf(manager: EntityManager, idNumberHash: string, except?: string): Promise<string | null> {
    const rows = await runQuery(manager, idNumberHolder, [idNumberHash, except ?? null]);
    return rows[0]?.user_id ?? null;
  }

  /** Keeps the collision aside; the profile gets a placeholder hash that matches nothing. */
  private async recordCollision(
    manager: EntityManager,
    userId: string,
    holder: string,
    columns: { idNumberHash: string; idNumberMasked: string },
    enterpriseId: string | null,
  ): Promise<{ idNumberHash: string }> {
    await manager.insert(IdNumberCollisionEntity, {
      userId,
      existingUserId: holder,
      idNumberHash: columns.idNumberHash,
      idNumberMasked: columns.idNumberMasked,
      enterpriseId,
    });
    await this.audit.record(
      { action: 'trainee.id_number_collision', actorId: userId, subjectId: holder, details: { idNumberMasked: columns.idNumberMasked } },
      manager,
    );
    return { idNumberHash: `collision:${userId}` };
  }

  /**
   * Whether the trainee's ID number is locked: once hours, an appointment or a certificate refer
   * to the person, only the enterprise admin may change it (audited).
   */
  async idNumberLocked(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    // The libs owning those records answer through the port; this lib reads none of their tables.
    return this.references.anyReferences(userId, manager);
  }

  /** The employer links waiting for this enterprise admin's confirmation. */
  async pendingEmployees(actor: Actor): Promise<PendingEmployeeView[]> {
    const enterpriseId = this.enterpriseOf(actor);
    const rows = await runQuery(this.dataSource, pendingEmployees, [enterpriseId]);
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      idNumberMasked: r.id_number_masked,
      requestedAt: r.employer_requested_at,
    }));
  }

  /** The enterprise admin confirms (the trainee joins the enterprise's lists) or rejects a link. */
  async decideEmployer(actor: Actor, userId: string, confirm: boolean): Promise<TraineeProfileView> {
    const enterpriseId = this.enterpriseOf(actor);
    await this.dataSource.transaction(async (manager) => {
      const rows = await runQuery(manager, lockPendingEmployerLink, [userId, enterpriseId]);
      if (rows.length === 0) throw TraineeErrors.noPendingEmployerLink();
      await runCommand(manager, decideEmployerLink, [userId, enterpriseId, confirm, this.clock.now()]);
      await this.audit.record(
        {
          action: confirm ? 'trainee.employer_confirmed' : 'trainee.employer_rejected',
          actorId: actor.userId,
          subjectId: userId,
          details: { enterpriseId },
        },
        manager,
      );
    });
    return this.view(userId);
  }

  /** The enterprise admin corrects an employee's ID number (also when locked); audited, masked only. */
  async correctIdNumber(actor: Actor, userId: string, idNumber: string): Promise<TraineeProfileView> {
    const enterpriseId = this.enterpriseOf(actor);
    if (!isValidChineseIdNumber(idNumber)) throw TraineeErrors.idNumberInvalid();
    const hash = piiHash(this.config.piiHashKey, idNumber);
    await this.dataSource.transaction(async (manager) => {
      const rows = await runQuery(manager, lockEmployee, [userId, enterpriseId]);
      if (rows.length === 0) throw CommonErrors.outOfScope();
      // Staff may learn that the number is taken: they resolve such collisions.
      if (await this.holderOf(manager, hash, userId)) throw TraineeErrors.idNumberTaken();
      await runCommand(manager, setIdNumber, [userId, hash, maskIdNumber(idNumber), this.clock.now()]);
      await runCommand(manager, resolveCollisionsCorrected, [userId, this.clock.now(), actor.userId]);
      await this.audit.record(
        {
          action: 'trainee.id_number_changed',
          actorId: actor.userId,
          subjectId: userId,
          details: { from: rows[0].id_number_masked, to: maskIdNumber(idNumber) },
        },
        manager,
      );
    });
    return this.view(userId);
  }

  /** The enterprise's confirmed employees, by name; only its own admin asks. */
  async employees(
    actor: Actor,
    enterpriseId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ items: EmployeeView[]; total: number }> {
    if (this.enterpriseOf(actor) !== enterpriseId) throw CommonErrors.outOfScope();
    const [{ total }] = await runQuery(this.dataSource, countEmployees, [enterpriseId]);
    const rows = await runQuery(this.dataSource, employeesPage, [enterpriseId, page.pageSize, (page.page - 1) * page.pageSize]);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        fullName: r.full_name,
        idNumberMasked: r.id_number_masked,
        linkedAt: r.employer_linked_at,
      })),
      total,
    };
  }

  /**
   * Which of `userIds` are confirmed employees of the enterprise, with whether their account is
   * active. Others are simply absent: the caller must not learn anything about them.
   */
  async confirmedEmployees(
    enterpriseId: string,
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { fullName: string; idNumberMasked: string; active: boolean }>> {
    const rows = await runQuery(manager, employeesById, [enterpriseId, userIds]);
    return new Map(
      rows.map((r) => [r.user_id, { fullName: r.full_name, idNumberMasked: r.id_number_masked, active: r.status === 'active' }]),
    );
  }

  private enterpriseOf(actor: Actor): string {
    if (actor.role !== Role.EnterpriseAdmin || !actor.enterpriseId) throw CommonErrors.outOfScope();
    return actor.enterpriseId;
  }

  async getOwn(actor: Actor): Promise<TraineeProfileView> {
    return this.view(actor.userId);
  }

  /**
   * A trainee's own profile. The ID number may change only while nothing refers to the person;
   * a new employer waits for that enterprise's confirmation (the confirmed one stays meanwhile);
   * leaving an employer takes effect at once.
   */
  async updateOwn(actor: Actor, input: ProfileUpdate): Promise<TraineeProfileView> {
    const keepId = input.idNumber === undefined;
    const keepPhone = input.phone === undefined;
    const { enterpriseId: named, ...columns } = await this.profileColumns({ ...input, idNumber: input.idNumber ?? '' }, { keepId });
    await this.dataSource.transaction(async (manager) => {
      const rows = await runQuery(manager, lockOwnProfile, [actor.userId]);
      const current = rows[0];
      if (!current) throw TraineeErrors.profileNotFound();
      const id: { idNumberHash?: string; idNumberMasked?: string } = {};
      if (!keepId && current.id_number_hash !== columns.idNumberHash) {
        if (await this.idNumberLocked(actor.userId, manager)) throw TraineeErrors.idNumberLocked();
        const holder = await this.holderOf(manager, columns.idNumberHash, actor.userId);
        Object.assign(
          id,
          { idNumberMasked: columns.idNumberMasked },
          holder
            ? await this.recordCollision(manager, actor.userId, holder, columns, named ?? current.enterprise_id)
            : { idNumberHash: columns.idNumberHash },
        );
      }
      const employer =
        named === null
          ? { enterpriseId: null, requestedEnterpriseId: null, employerRequestedAt: null }
          : named === current.enterprise_id
            ? { requestedEnterpriseId: null, employerRequestedAt: null }
            : named === current.requested_enterprise_id
              ? {}
              : { requestedEnterpriseId: named, employerRequestedAt: this.clock.now() };
      const { idNumberHash: _hash, idNumberMasked: _masked, phoneHash, phoneMasked, ...rest } = columns;
      const phone = keepPhone ? {} : { phoneHash, phoneMasked };
      await manager.update(
        TraineeProfileEntity,
        { userId: actor.userId },
        { ...rest, ...phone, ...id, ...employer, updatedAt: this.clock.now() },
      );
      await this.users.setDisplayNameWithin(manager, actor.userId, input.fullName);
    });
    return this.view(actor.userId);
  }

  /** A trainee's profile for staff: enterprise admins see their employees, regulators their region. */
  async getVisible(actor: Actor, userId: string): Promise<TraineeProfileView> {
    const found = await this.view(userId);
    const regionPath = found.enterpriseId
      ? (await runQuery(this.dataSource, enterpriseRegionPath, [found.enterpriseId]))[0]?.path
      : undefined;
    if (!ScopePolicy.covers(actor, { enterpriseIds: [found.enterpriseId], regionPaths: [regionPath ?? null] }))
      throw CommonErrors.outOfScope();
    return found;
  }

  /** Matches a whole ID number to a trainee without ever storing or comparing the number itself. */
  async findUserIdByIdNumber(idNumber: string): Promise<string | null> {
    const rows = await runQuery(this.dataSource, userIdByIdNumberHash, [piiHash(this.config.piiHashKey, idNumber)]);
    return rows[0]?.user_id ?? null;
  }

  private async profileColumns(
    input: ProfileInput,
    options: { keepId?: boolean } = {},
  ): Promise<
    Omit<TraineeProfileEntity, 'userId' | 'createdAt' | 'updatedAt' | 'requestedEnterpriseId' | 'employerRequestedAt' | 'employerLinkedAt'>
  > {
    if (!options.keepId && !isValidChineseIdNumber(input.idNumber)) throw TraineeErrors.idNumberInvalid();
    if (input.phone && !isValidChinesePhone(input.phone)) throw TraineeErrors.phoneInvalid();
    if (input.enterpriseId) {
      const rows = await runQuery(this.dataSource, enterpriseExists, [input.enterpriseId]);
      if (rows.length === 0) throw TraineeErrors.enterpriseNotFound();
    }
    const key = this.config.piiHashKey;
    return {
      fullName: input.fullName.trim(),
      idNumberHash: options.keepId ? '' : piiHash(key, input.idNumber),
      idNumberMasked: options.keepId ? '' : maskIdNumber(input.idNumber),
      phoneHash: input.phone ? piiHash(key, input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      enterpriseId: input.enterpriseId ?? null,
      educationLevel: input.educationLevel,
      qualityWorkYears: String(input.qualityWorkYears),
      qualityQualification: input.qualityQualification,
      relatedSeniorTitle: input.relatedSeniorTitle,
      titleName: input.titleName ?? null,
      yearlyRequirementsOptIn: input.yearlyRequirementsOptIn ?? false,
    };
  }

  private async view(userId: string): Promise<TraineeProfileView> {
    const rows = await runQuery(this.dataSource, profileById, [userId]);
    const p = rows[0];
    if (!p) throw TraineeErrors.profileNotFound();
    return {
      userId: p.user_id,
      fullName: p.full_name,
      idNumberMasked: p.id_number_masked,
      phoneMasked: p.phone_masked,
      enterpriseId: p.enterprise_id,
      enterpriseName: p.enterprise_name,
      pendingEnterpriseId: p.requested_enterprise_id,
      pendingEnterpriseName: p.pending_enterprise_name,
      educationLevel: p.education_level,
      qualityWorkYears: Number(p.quality_work_years),
      qualityQualification: p.quality_qualification,
      relatedSeniorTitle: p.related_senior_title,
      titleName: p.title_name,
      yearlyRequirementsOptIn: p.yearly_requirements_opt_in,
    };
  }
}
