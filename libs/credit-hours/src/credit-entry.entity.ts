import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';

/** The two categories of the notice: 1 policy and management foundations, 2 methods and tools. */
export type CreditCategory = 1 | 2;
export const CREDIT_CATEGORIES: readonly CreditCategory[] = [1, 2];

/** Appointment training (任职培训) or continuing education (继续教育). Category-2 courses are continuing. */
export const CREDIT_KINDS = ['appointment', 'continuing'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

/** Where an entry comes from. A correction is a `reversal` of an entry plus a new entry. */
export const CREDIT_SOURCES = ['course_completion', 'in_person', 'manual_adjustment', 'external_claim', 'reversal'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];

/**
 * An amount of credit hours as the ledger counts it: category, kind and exact decimal hours
 * (numeric(7,2), as text). Embedded without a prefix, in a ledger entry and in what becomes one
 * (an external claim), so both tables name the three columns alike.
 */
export class CreditAmountColumns {
  @Column({ type: 'smallint' })
  category!: CreditCategory;

  @Column({ type: 'text' })
  kind!: CreditKind;

  @Column({ type: 'numeric', precision: 7, scale: 2 })
  hours!: string;
}

/**
 * On an entity: a foreign key to a ledger entry, kept while the entry is (RESTRICT). The ledger's
 * key is `(id, year)` (it is partitioned by year), so the reference is two columns (properties of
 * the entity) under one constraint.
 */
export function ReferencesCreditEntry(idProperty: string, yearProperty: string, constraint: string): ClassDecorator {
  return ForeignKey(() => CreditEntryEntity, [idProperty, yearProperty] as const, ['id', 'year'], {
    onDelete: 'RESTRICT',
    name: constraint,
  });
}

/**
 * One line of the append-only credit-hour ledger. Rows are never updated or deleted (a trigger
 * refuses both); a trainee's hours are the sum of their entries. Hours are exact decimals held
 * as strings; a reversal carries the negated hours of the entry it reverses, in that entry's
 * year, category and kind.
 *
 * Partitioned by `year` (one partition per calendar year, `credit_entries_y2026`, plus
 * `credit_entries_default`; see docs/scaling.md). PostgreSQL wants the partition key in every
 * unique key, so the primary key is `(id, year)` and whatever points at an entry carries its
 * year too. An accrual key is unique across all years through {@link CreditAccrualKeyEntity}.
 */
@Entity({ name: 'credit_entries' })
@Check('ck_credit_entries_category', 'category IN (1, 2)')
@Check('ck_credit_entries_kind', `kind IN ('appointment', 'continuing') AND (category = 1 OR kind = 'continuing')`)
@Check('ck_credit_entries_source', `source IN ('course_completion', 'in_person', 'manual_adjustment', 'external_claim', 'reversal')`)
@Check(
  'ck_credit_entries_sign',
  `hours <> 0 AND (source = 'reversal') = (hours < 0) AND (source = 'reversal') = (reverses_entry_id IS NOT NULL)`,
)
// Covers the compliance aggregation (index-only scan: hours is part of the key on purpose).
@Index('ix_credit_entries_trainee_year', ['traineeId', 'year', 'amount.category', 'amount.kind', 'amount.hours'])
// The all-years appointment total of the compliance recomputation (migration LedgerAppointmentTotalsIndex):
// partial, with hours as an INCLUDE column, which TypeORM cannot declare; the migration owns it.
@Index('ix_credit_entries_appointment_hours', { synchronize: false })
// Unique per year (a partitioned table's unique keys hold the partition key): see the columns.
@Index('ux_credit_entries_accrual_key', ['accrualKey', 'year'], { unique: true })
@Index('ux_credit_entries_reverses_entry_id', ['reversesEntryId', 'year'], { unique: true })
@ReferencesCreditEntry('reversesEntryId', 'year', 'fk_credit_entries_reverses_entry')
export class CreditEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_credit_entries' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_credit_entries_trainee' })
  traineeId!: string;

  /** Hours negative only for a reversal. */
  @Column(() => CreditAmountColumns, { prefix: false })
  amount!: CreditAmountColumns;

  /** The calendar year in China Standard Time of `occurredAt` (2025-12-31T16:30Z is 2026); the partition key. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_credit_entries' })
  year!: number;

  /** When the hours were earned: the completion, the session, or (adjustments) the date stated. */
  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  source!: CreditSource;

  /** The course and version the hours were declared by (no foreign key: courses live in another lib). */
  @Column({ type: 'uuid', nullable: true })
  courseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  courseVersionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  enrollmentId!: string | null;

  /** What proves the hours: `outbox:<id>` of a completion event, a roster reference, a document number. */
  @Column({ type: 'text', nullable: true })
  evidenceRef!: string | null;

  /**
   * Makes one accrual happen once, e.g. `completion:<enrollmentId>`. Null for manual entries.
   * Unique here per year only (a partitioned table's unique keys hold the partition key); across
   * years the key is unique in `credit_accrual_keys`, written in the same statement.
   */
  @Column({ type: 'text', nullable: true })
  accrualKey!: string | null;

  /**
   * For a reversal: the entry it cancels, always in that entry's year (the foreign key is on
   * `(reverses_entry_id, year)`), so unique per year is unique: an entry is reversed at most once.
   */
  @Column({ type: 'uuid', nullable: true })
  reversesEntryId!: string | null;

  /** Why a person wrote this entry (adjustments and reversals). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Who wrote it; null when the system accrued it. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_credit_entries_recorded_by' })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
