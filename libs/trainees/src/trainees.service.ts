import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  APP_CONFIG,
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
  regionContains,
  Role,
} from '@cqo/core';
import { UsersService } from '@cqo/identity';
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

export interface Registration extends ProfileInput {
  username: string;
  password: string;
}

/** A profile as people may see it: personal data masked. */
export interface TraineeProfileView {
  userId: string;
  fullName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Self-registration: the account, the profile and the `user.registered` event commit together. */
  async register(input: Registration): Promise<TraineeProfileView> {
    const columns = await this.profileColumns(input);
    const userId = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.create(
        { username: input.username, password: input.password, displayName: input.fullName, role: Role.Trainee },
        manager,
      );
      await this.saveProfile(manager, { userId: user.id, ...columns });
      await this.outbox.record(manager, 'user.registered', { userId: user.id });
      return user.id;
    });
    return this.view(userId);
  }

  async getOwn(actor: Actor): Promise<TraineeProfileView> {
    return this.view(actor.userId);
  }

  async updateOwn(actor: Actor, input: ProfileInput): Promise<TraineeProfileView> {
    const columns = await this.profileColumns(input);
    await this.dataSource.transaction(async (manager) => {
      await this.saveProfile(manager, { userId: actor.userId, ...columns, updatedAt: this.clock.now() });
      await manager.query('UPDATE users SET display_name = $1 WHERE id = $2', [input.fullName, actor.userId]);
    });
    return this.view(actor.userId);
  }

  /** A trainee's profile for staff: enterprise admins see their employees, regulators their region. */
  async getVisible(actor: Actor, userId: string): Promise<TraineeProfileView> {
    const found = await this.view(userId);
    const regionPath = found.enterpriseId
      ? ((await this.dataSource.query(
          'SELECT r.path FROM enterprises e JOIN regions r ON r.id = e.region_id WHERE e.id = $1',
          [found.enterpriseId],
        )) as { path: string }[])[0]?.path
      : undefined;
    const allowed =
      actor.role === Role.PlatformAdmin ||
      (actor.role === Role.EnterpriseAdmin && actor.enterpriseId !== null && actor.enterpriseId === found.enterpriseId) ||
      (actor.role === Role.Regulator && actor.regionPath !== null && regionPath !== undefined && regionContains(actor.regionPath, regionPath));
    if (!allowed) throw CommonErrors.outOfScope();
    return found;
  }

  /** Matches a whole ID number to a trainee without ever storing or comparing the number itself. */
  async findUserIdByIdNumber(idNumber: string): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM trainee_profiles WHERE id_number_hash = $1',
      [piiHash(this.config.piiHashKey, idNumber)],
    );
    return rows[0]?.user_id ?? null;
  }

  private async profileColumns(input: ProfileInput): Promise<Omit<TraineeProfileEntity, 'userId' | 'createdAt' | 'updatedAt'>> {
    if (!isValidChineseIdNumber(input.idNumber)) throw TraineeErrors.idNumberInvalid();
    if (input.phone && !isValidChinesePhone(input.phone)) throw TraineeErrors.phoneInvalid();
    if (input.enterpriseId) {
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM enterprises WHERE id = $1', [input.enterpriseId]);
      if (rows.length === 0) throw TraineeErrors.enterpriseNotFound();
    }
    const key = this.config.piiHashKey;
    return {
      fullName: input.fullName.trim(),
      idNumberHash: piiHash(key, input.idNumber),
      idNumberMasked: maskIdNumber(input.idNumber),
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

  private async saveProfile(manager: EntityManager, row: Partial<TraineeProfileEntity> & { userId: string }): Promise<void> {
    try {
      await manager.upsert(TraineeProfileEntity, row, ['userId']);
    } catch (error) {
      if (isUniqueViolation(error, 'ux_trainee_profiles_id_number_hash')) throw TraineeErrors.idNumberTaken();
      throw error;
    }
  }

  private async view(userId: string): Promise<TraineeProfileView> {
    const rows: RawProfile[] = await this.dataSource.query(
      `SELECT p.*, e.name AS enterprise_name
         FROM trainee_profiles p LEFT JOIN enterprises e ON e.id = p.enterprise_id
        WHERE p.user_id = $1`,
      [userId],
    );
    const p = rows[0];
    if (!p) throw TraineeErrors.profileNotFound();
    return {
      userId: p.user_id,
      fullName: p.full_name,
      idNumberMasked: p.id_number_masked,
      phoneMasked: p.phone_masked,
      enterpriseId: p.enterprise_id,
      enterpriseName: p.enterprise_name,
      educationLevel: p.education_level,
      qualityWorkYears: Number(p.quality_work_years),
      qualityQualification: p.quality_qualification,
      relatedSeniorTitle: p.related_senior_title,
      titleName: p.title_name,
      yearlyRequirementsOptIn: p.yearly_requirements_opt_in,
    };
  }
}

interface RawProfile {
  user_id: string;
  full_name: string;
  id_number_masked: string;
  phone_masked: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  education_level: EducationLevel;
  quality_work_years: string;
  quality_qualification: QualityQualification;
  related_senior_title: boolean;
  title_name: string | null;
  yearly_requirements_opt_in: boolean;
}
