import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import type { ComplianceState } from './compliance-status.entity';

/**
 * The audit of a closed year's verdict changed after it closed (a late attendance record, a late
 * xAPI statement, an adjustment or reversal): which requirement, before and after. Append-only.
 */
@Entity({ name: 'compliance_verdict_changes' })
@Index('ix_compliance_verdict_changes_trainee_year', ['traineeId', 'periodYear'])
export class ComplianceVerdictChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_compliance_verdict_changes' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE', name: 'fk_compliance_verdict_changes_trainee' })
  traineeId!: string;

  @Column({ type: 'int' })
  periodYear!: number;

  @Column({ type: 'text' })
  requirement!: string;

  /** Null when the requirement had no status before (or has none after). */
  @Column({ type: 'text', nullable: true })
  beforeState!: ComplianceState | null;

  @Column({ type: 'text', nullable: true })
  afterState!: ComplianceState | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  beforeAccrued!: string | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  afterAccrued!: string | null;

  /** What re-opened the year, e.g. `recompute:2025` with the job that ran it. */
  @Column({ type: 'text' })
  cause!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
