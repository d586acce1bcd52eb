import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from './region.entity';
import { RowTimestamps } from '@cqo/core';

/**
 * Standing of an enterprise toward a quality award. Whether a nominee counts toward a target is
 * decided by the target rules (the notice's 含提名奖 qualifies the China and the Gansu awards only).
 */
export const AWARD_STANDINGS = ['none', 'nominated', 'awarded'] as const;
export type AwardStanding = (typeof AWARD_STANDINGS)[number];
/** The three awards the notice names: 中国质量奖, 甘肃省人民政府质量奖, 市（州）政府质量奖. */
export const AWARD_LEVELS = ['china', 'provincial', 'city'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/** An enterprise that must (or may) appoint a CQO, with the flags the notice's targets need. */
@Entity({ name: 'enterprises' })
// A region's enterprises in list order: the regulator's enterprise list reads one page region by region (issue 20).
@Index('ix_enterprises_region_id_name_id', ['regionId', 'name', 'id'])
export class EnterpriseEntity extends RowTimestamps {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('ux_enterprises_credit_code', { unique: true })
  @Column({ type: 'text' })
  creditCode!: string;

  @Index('ix_enterprises_region_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_enterprises_region' })
  regionId!: string;

  @Column({ type: 'boolean', default: false })
  stateOwned!: boolean;

  /** 规模以上 (above designated size). */
  @Column({ type: 'boolean', default: false })
  aboveDesignatedSize!: boolean;

  @Column({ type: 'boolean', default: false })
  production!: boolean;

  /** 中国质量奖 */
  @Column({ type: 'text', default: 'none' })
  chinaQualityAward!: AwardStanding;

  /** The year the standing was obtained (null: none, or not known). */
  @Column({ type: 'int', nullable: true })
  chinaQualityAwardYear!: number | null;

  /** 甘肃省人民政府质量奖 */
  @Column({ type: 'text', default: 'none' })
  provincialQualityAward!: AwardStanding;

  /** The year the standing was obtained (null: none, or not known). */
  @Column({ type: 'int', nullable: true })
  provincialQualityAwardYear!: number | null;

  /** 市（州）政府质量奖 */
  @Column({ type: 'text', default: 'none' })
  cityQualityAward!: AwardStanding;

  /** The year the standing was obtained (null: none, or not known). */
  @Column({ type: 'int', nullable: true })
  cityQualityAwardYear!: number | null;
}
