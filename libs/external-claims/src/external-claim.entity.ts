import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreditAmountColumns, ReferencesCreditEntry } from '@cqo/credit-hours';
import { StoredFileColumns } from '@cqo/core';
import { UserEntity } from '@cqo/identity';
import { EnterpriseEntity } from '@cqo/organizations';

/** submitted → endorsed (by the employer) → approved (by the city); rejected at either step, with a reason. */
export const EXTERNAL_CLAIM_STATUSES = ['submitted', 'endorsed', 'approved', 'rejected'] as const;
export type ExternalClaimStatus = (typeof EXTERNAL_CLAIM_STATUSES)[number];
export type ExternalClaimRejectedStage = 'enterprise' | 'regulator';

/**
 * A trainee's claim for hours of training outside the platform (外部学时认定). Once approved it
 * points at the ledger entry it became; the entry, not the claim, is what counts.
 */
@Entity({ name: 'external_hour_claims' })
@Check('ck_external_hour_claims_status', `status IN ('submitted', 'endorsed', 'approved', 'rejected')`)
@Check(
  'ck_external_hour_claims_category',
  `category IN (1, 2) AND kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')`,
)
@Check('ck_external_hour_claims_hours', 'hours > 0 AND (approved_hours IS NULL OR (approved_hours > 0 AND approved_hours <= hours))')
@Check('ck_external_hour_claims_dates', 'started_on <= ended_on')
@Check('ck_external_hour_claims_rejected', `(status = 'rejected') = (rejected_stage IS NOT NULL AND rejection_reason IS NOT NULL)`)
@Check('ck_external_hour_claims_approved', `(status = 'approved') = (credit_entry_id IS NOT NULL AND approved_hours IS NOT NULL)`)
@Check('ck_external_hour_claims_credit_entry_year', '(credit_entry_id IS NULL) = (credit_entry_year IS NULL)')
@Index('ix_external_hour_claims_trainee_id_created_at', ['traineeId', 'createdAt'])
@Index('ix_external_hour_claims_enterprise_id_status', ['enterpriseId', 'status'])
@ReferencesCreditEntry('creditEntryId', 'creditEntryYear', 'fk_external_hour_claims_credit_entry')
export class ExternalClaimEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_external_hour_claims' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_external_hour_claims_trainee' })
  traineeId!: string;

  /** The trainee's confirmed employer when the claim was made: whose admin endorses it, whose city approves it. */
  @Column({ type: 'uuid' })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT', name: 'fk_external_hour_claims_enterprise' })
  enterpriseId!: string;

  @Column({ type: 'text' })
  organiser!: string;

  @Column({ type: 'text' })
  title!: string;

  /** CST calendar days of the training. */
  @Column({ type: 'date' })
  startedOn!: string;

  @Column({ type: 'date' })
  endedOn!: string;

  /** The CST year of the training's end: the year the hours count in. */
  @Column({ type: 'smallint' })
  year!: number;

  /** What is claimed: the hours, of one category and kind, the ledger entry will carry if approved. */
  @Column(() => CreditAmountColumns, { prefix: false })
  amount!: CreditAmountColumns;

  /** Topic codes of the notice, all of the claim's category. */
  @Column({ type: 'text', array: true })
  topicCodes!: string[];

  @Column({ type: 'text' })
  status!: ExternalClaimStatus;

  @Column({ type: 'uuid', nullable: true })
  endorsedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endorsedAt!: Date | null;

  /** Who approved or rejected it (the enterprise admin for a rejection at endorsement). */
  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  rejectedStage!: ExternalClaimRejectedStage | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  /** The hours the city approved (≤ claimed). */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  approvedHours!: string | null;

  /** Why fewer hours were approved than claimed. */
  @Column({ type: 'text', nullable: true })
  reductionReason!: string | null;

  /** The ledger entry an approval wrote. */
  @Index('ux_external_hour_claims_credit_entry_id', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  creditEntryId!: string | null;

  /** The year of that entry (the ledger's key is `(id, year)`); set with it, never alone. */
  @Column({ type: 'smallint', nullable: true })
  creditEntryYear!: number | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One evidence file of a claim (PDF/JPG/PNG by its bytes), stored in the object storage. */
@Entity({ name: 'external_claim_evidence' })
export class ExternalClaimEvidenceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_external_claim_evidence' })
  id!: string;

  @Index('ix_external_claim_evidence_claim_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => ExternalClaimEntity, { onDelete: 'CASCADE', name: 'fk_external_claim_evidence_claim' })
  claimId!: string;

  @Column(() => StoredFileColumns, { prefix: 'file' })
  file!: StoredFileColumns;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
