import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { EnterpriseEntity } from '@cqo/organizations';
import type { EligibilityResult } from '../eligibility/eligibility.types';

/**
 * The notice: "可由副总经理（副总裁）或同职级及以上的企业高管担任 … 小微企业可结合实际，酌情设立".
 * `below_deputy` is accepted only with a recorded reason (small and micro enterprises).
 */
export const POSITION_LEVELS = ['general_manager', 'deputy_general_manager', 'equivalent_senior', 'below_deputy'] as const;
export type PositionLevel = (typeof POSITION_LEVELS)[number];

/**
 * An exception appointment (例外聘任): registered although the person was not eligible, or to a post
 * below deputy general manager; each took a recorded reason, and the registry and the reports flag it.
 */
export function isExceptionAppointment(eligible: boolean, positionLevel: PositionLevel): boolean {
  return !eligible || positionLevel === 'below_deputy';
}
export const POSITION_LEVEL_LABELS: Readonly<Record<PositionLevel, string>> = {
  general_manager: '总经理（总裁）及以上',
  deputy_general_manager: '副总经理（副总裁）',
  equivalent_senior: '同职级企业高管',
  below_deputy: '副总经理以下（小微企业酌情设立）',
};

export type AppointmentStatus = 'serving' | 'ended';
export const APPOINTMENT_END_REASONS = ['resignation', 'dismissal', 'term_expired', 'renewed'] as const;
export type AppointmentEndReason = (typeof APPOINTMENT_END_REASONS)[number];
export const END_REASON_LABELS: Readonly<Record<AppointmentEndReason, string>> = {
  resignation: '辞职',
  dismissal: '解聘',
  term_expired: '任期届满',
  renewed: '任期届满续聘',
};

/**
 * One term of a CQO at an enterprise (聘任). Never deleted: an ended term stays as history. The
 * `serving_cqo_terms` view (the compliance engine's seam) is defined over this table.
 */
@Entity({ name: 'cqo_appointments' })
@Index('ux_cqo_appointments_enterprise_serving', ['enterpriseId'], { unique: true, where: "status = 'serving'" })
@Index('ux_cqo_appointments_trainee_serving', ['traineeId'], { unique: true, where: "status = 'serving'" })
@Index('ux_cqo_appointments_enterprise_certificate_no', ['enterpriseId', 'authorizationCertificateNo'], { unique: true })
@Index('ix_cqo_appointments_trainee_id', ['traineeId'])
@Index('ix_cqo_appointments_status_term_ends_on', ['status', 'termEndsOn'])
// The few appointments made by exception (the target figures ask the evaluator about them).
@Index('ix_cqo_appointments_not_eligible', ['appointedOn'], { where: 'NOT eligible' })
@Check('ck_cqo_appointments_status', `status IN ('serving', 'ended') AND (status = 'serving') = (ended_on IS NULL)`)
@Check('ck_cqo_appointments_term', 'term_years BETWEEN 1 AND 10 AND term_ends_on > appointed_on')
@Check('ck_cqo_appointments_exception', 'eligible OR eligibility_exception_reason IS NOT NULL')
@Check('ck_cqo_appointments_position', `position_level <> 'below_deputy' OR position_exception_reason IS NOT NULL`)
export class CqoAppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT', name: 'fk_cqo_appointments_enterprise' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_cqo_appointments_trainee' })
  traineeId!: string;

  /** As printed on the appointment, e.g. 副总经理兼首席质量官. */
  @Column({ type: 'text' })
  positionTitle!: string;

  @Column({ type: 'text' })
  positionLevel!: PositionLevel;

  @Column({ type: 'text', nullable: true })
  positionExceptionReason!: string | null;

  /** 聘任授权证书编号. */
  @Column({ type: 'text' })
  authorizationCertificateNo!: string;

  @Column({ type: 'date' })
  appointedOn!: string;

  @Column({ type: 'int' })
  termYears!: number;

  /** The last day of the term (appointedOn + termYears − 1 day). */
  @Column({ type: 'date' })
  termEndsOn!: string;

  /** The eligibility check at the time of appointment, kept as evidence. */
  @Column({ type: 'jsonb' })
  eligibility!: EligibilityResult;

  @Column({ type: 'boolean' })
  eligible!: boolean;

  /** Set when an ineligible person was appointed anyway: regulators see the appointment flagged. */
  @Column({ type: 'text', nullable: true })
  eligibilityExceptionReason!: string | null;

  @Column({ type: 'text', default: 'serving' })
  status!: AppointmentStatus;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  endReason!: AppointmentEndReason | null;

  @Column({ type: 'text', nullable: true })
  endNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_cqo_appointments_created_by' })
  createdBy!: string | null;

  /** Who recorded the end; null for the term-expiry job. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_cqo_appointments_ended_by' })
  endedBy!: string | null;

  /** The disqualification declaration the appointment was made on (required since the RegulatorFigures migration). */
  @Column({ type: 'uuid', nullable: true })
  declarationId!: string | null;

  /** A regulator's approval of an appointment date older than the registration window allows. */
  @Column({ type: 'uuid', nullable: true })
  backdateApprovalId!: string | null;

  /** The term this one renews (续聘), if any. */
  @Column({ type: 'uuid', nullable: true })
  renewalOf!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
