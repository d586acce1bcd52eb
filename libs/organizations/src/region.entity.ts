import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RegionLevel = 'province' | 'city';

/** A node of the administrative tree. `path` is the chain of codes from the root, e.g. `620000/620100`. */
@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_regions_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: RegionLevel;

  @Index('ix_regions_parent_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_regions_parent' })
  parentId!: string | null;

  @Index('ix_regions_path', { synchronize: false })
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
