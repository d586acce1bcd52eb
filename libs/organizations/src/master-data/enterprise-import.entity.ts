import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AwardStanding } from '../enterprise.entity';

export type EnterpriseImportStatus = 'previewed' | 'applied' | 'discarded';

/**
 * An official enterprise list uploaded by a regulator: parsed and checked into rows (the
 * preview), then applied in one transaction, or discarded. Scope: the importer's region.
 */
@Entity({ name: 'enterprise_imports' })
@Index('ix_enterprise_imports_region_created', ['scopePath', 'createdAt'])
@Check('ck_enterprise_imports_status', `status IN ('previewed', 'applied', 'discarded')`)
export class EnterpriseImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The importer's region path: every row must lie inside it. */
  @Column({ type: 'text' })
  scopePath!: string;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  fileSha256!: string;

  @Column({ type: 'text' })
  format!: 'csv' | 'xlsx';

  /** The date the list speaks for: the versions it creates are effective from it. */
  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text', default: 'previewed' })
  status!: EnterpriseImportStatus;

  @Column({ type: 'int' })
  totalRows!: number;

  @Column({ type: 'int' })
  errorRows!: number;

  /** Filled when applied: rows that created an enterprise, changed one, or changed nothing. */
  @Column({ type: 'int', nullable: true })
  createdCount!: number | null;

  @Column({ type: 'int', nullable: true })
  updatedCount!: number | null;

  @Column({ type: 'int', nullable: true })
  unchangedCount!: number | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  appliedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}

/** One parsed row of an import, with its errors (row and column named). */
@Entity({ name: 'enterprise_import_rows' })
export class EnterpriseImportRowEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_enterprise_import_rows' })
  importId!: string;

  /** The row number in the file (the header is row 1). */
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_enterprise_import_rows' })
  rowNo!: number;

  @Column({ type: 'text', nullable: true })
  creditCode!: string | null;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @Column({ type: 'boolean', nullable: true })
  stateOwned!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  aboveDesignatedSize!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  production!: boolean | null;

  @Column({ type: 'text', nullable: true })
  chinaQualityAward!: AwardStanding | null;

  @Column({ type: 'int', nullable: true })
  chinaQualityAwardYear!: number | null;

  @Column({ type: 'text', nullable: true })
  provincialQualityAward!: AwardStanding | null;

  @Column({ type: 'int', nullable: true })
  provincialQualityAwardYear!: number | null;

  @Column({ type: 'text', nullable: true })
  cityQualityAward!: AwardStanding | null;

  @Column({ type: 'int', nullable: true })
  cityQualityAwardYear!: number | null;

  /** [{ column, message }]; empty when the row is good. */
  @Column({ type: 'jsonb' })
  errors!: { column: string; message: string }[];
}
