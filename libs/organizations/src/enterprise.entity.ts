import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { RegionEntity } from './region.entity';


/** Standing of an enterprise toward a quality award: the notice's targets count nominees with holders. */
export type AwardStanding = 'none' | 'nominated' | 'awarded';
export const AWARD_STANDINGS: readonly AwardStanding[] = ['none', 'nominated', 'awarded'];

/** An enterprise that must (or may) appoint a CQO, with the flags the notice's targets need. */
@Entity({ name: 'enterprises' })
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('ux_enterprises_credit_code', { unique: true })
  @Column({ type: 'text' })
  creditCode!: string;

  @Index('ix_enterprises_region_id')
  @Column({ type: 'uuid' })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_enterprises_region' })
  region?: Relation<RegionEntity>;

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

  /** 甘肃省人民政府质量奖 */
  @Column({ type: 'text', default: 'none' })
  provincialQualityAward!: AwardStanding;

  /** 市（州）政府质量奖 */
  @Column({ type: 'text', default: 'none' })
  cityQualityAward!: AwardStanding;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
