import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileColumns } from '@cqo/core';

/** The eligibility facts that carry evidence. */
export const FACT_KINDS = ['education', 'quality_work_years', 'qualification', 'title'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
/** self_declared → enterprise_confirmed → city_verified. */
export const FACT_STATES = ['self_declared', 'enterprise_confirmed', 'city_verified'] as const;
export type FactState = (typeof FACT_STATES)[number];

/**
 * One declaration of an eligibility fact with its evidence (a scan): the value declared, the
 * file, and how far it has been checked. A new declaration (or a changed profile value) starts
 * again at self_declared; older rows stay as history.
 */
@Entity({ name: 'trainee_facts' })
@Index('ix_trainee_facts_trainee_fact', ['traineeId', 'fact', 'declaredAt'])
@Check('ck_trainee_facts_fact', `fact IN ('education', 'quality_work_years', 'qualification', 'title')`)
@Check('ck_trainee_facts_state', `state IN ('self_declared', 'enterprise_confirmed', 'city_verified')`)
export class TraineeFactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @Column({ type: 'text' })
  fact!: FactKind;

  /** The profile value the evidence supports, as text (e.g. bachelor, 6, intermediate, true). */
  @Column({ type: 'text' })
  value!: string;

  @Column({ type: 'text' })
  state!: FactState;

  /** The evidence scan. */
  @Column(() => StoredFileColumns, { prefix: 'file' })
  file!: StoredFileColumns;

  @Column({ type: 'timestamptz' })
  declaredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;
}
