import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from '../enterprise.entity';
import type { AwardStanding } from '../enterprise.entity';
import type { MasterDataSource } from './master-data.types';

/**
 * One version of an enterprise's master data (its target facts), valid from `effectiveOn` until
 * the next version. Append-only: the as-of figures read "the latest version effective on or
 * before the date", so a later change never rewrites what an earlier date answered.
 */
@Entity({ name: 'enterprise_master_versions' })
@Index('ix_enterprise_master_versions_enterprise_effective', ['enterpriseId', 'effectiveOn', 'recordedAt'])
@Check('ck_enterprise_master_versions_source', `source IN ('import', 'correction', 'admin', 'initial')`)
export class EnterpriseMasterVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'CASCADE', name: 'fk_enterprise_master_versions_enterprise' })
  enterpriseId!: string;

  /** From this date (CST) the facts below hold. */
  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  regionId!: string;

  @Column({ type: 'boolean' })
  stateOwned!: boolean;

  @Column({ type: 'boolean' })
  aboveDesignatedSize!: boolean;

  @Column({ type: 'boolean' })
  production!: boolean;

  @Column({ type: 'text' })
  chinaQualityAward!: AwardStanding;

  @Column({ type: 'int', nullable: true })
  chinaQualityAwardYear!: number | null;

  @Column({ type: 'text' })
  provincialQualityAward!: AwardStanding;

  @Column({ type: 'int', nullable: true })
  provincialQualityAwardYear!: number | null;

  @Column({ type: 'text' })
  cityQualityAward!: AwardStanding;

  @Column({ type: 'int', nullable: true })
  cityQualityAwardYear!: number | null;

  /** The fields that changed from the previous version (all of them for the first). */
  @Column({ type: 'text', array: true })
  changedFields!: string[];

  @Column({ type: 'text' })
  source!: MasterDataSource;

  /** The import (source = import) or correction request (source = correction) behind the change. */
  @Column({ type: 'uuid', nullable: true })
  sourceId!: string | null;

  /** The official list's file name, for an import. */
  @Column({ type: 'text', nullable: true })
  sourceFile!: string | null;

  /** Who made the change (null for the migration's initial versions). */
  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
