import { Column, Entity, ForeignKey, Index, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { EnterpriseEntity } from '@cqo/organizations';
import { UserEntity } from '@cqo/identity';
import { RowTimestamps } from '@cqo/core';

export const EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Quality professional qualification (质量专业技术资格) level. */
export const QUALITY_QUALIFICATIONS = ['none', 'primary', 'intermediate', 'senior'] as const;
export type QualityQualification = (typeof QUALITY_QUALIFICATIONS)[number];

/**
 * A trainee's personal record. The ID number and phone are kept only as a keyed hash (to match
 * a roster or a lookup) and a masked form (to display); the whole value is never stored.
 */
@Entity({ name: 'trainee_profiles' })
// What compliance judges a trainee by (PUBLIC_TRAINEE_SUBJECTS), as INCLUDE columns of the id,
// which TypeORM cannot declare; the migration owns it.
@Index('ix_trainee_profiles_subjects', { synchronize: false })
export class TraineeProfileEntity extends RowTimestamps {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_trainee_profiles_user' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  fullName!: string;

  @Index('ux_trainee_profiles_id_number_hash', { unique: true })
  @Column({ type: 'text' })
  idNumberHash!: string;

  @Column({ type: 'text' })
  idNumberMasked!: string;

  @Index('ix_trainee_profiles_phone_hash')
  @Column({ type: 'text', nullable: true })
  phoneHash!: string | null;

  @Column({ type: 'text', nullable: true })
  phoneMasked!: string | null;

  /** The employer; null for a candidate not yet tied to a registered enterprise. */
  @Index('ix_trainee_profiles_enterprise_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT', name: 'fk_trainee_profiles_enterprise' })
  enterpriseId!: string | null;

  /**
   * The employer the trainee named but whose enterprise admin has not yet confirmed it. Until
   * then the trainee is in none of that enterprise's lists or figures (`enterpriseId` stays as it was).
   */
  @Index('ix_trainee_profiles_requested_enterprise_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'SET NULL', name: 'fk_trainee_profiles_requested_enterprise' })
  requestedEnterpriseId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  employerRequestedAt!: Date | null;

  /** When the current employer link was confirmed (null: set at creation); external claims may not start before it. */
  @Column({ type: 'timestamptz', nullable: true })
  employerLinkedAt!: Date | null;

  @Column({ type: 'text' })
  educationLevel!: EducationLevel;

  /** Years of quality-management work; the notice asks for at least 5. */
  @Column({ type: 'numeric', precision: 4, scale: 1, default: 0 })
  qualityWorkYears!: string;

  @Column({ type: 'text', default: 'none' })
  qualityQualification!: QualityQualification;

  /** Holds a quality-related senior technical title (相关专业高级技术职称). */
  @Column({ type: 'boolean', default: false })
  relatedSeniorTitle!: boolean;

  /** Free text: the title or qualification as written on the certificate. */
  @Column({ type: 'text', nullable: true })
  titleName!: string | null;

  /** Trainees who are not serving CQOs may ask to be held to the yearly hour requirements. */
  @Column({ type: 'boolean', default: false })
  yearlyRequirementsOptIn!: boolean;
}
