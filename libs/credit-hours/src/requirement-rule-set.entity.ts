import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RegionEntity } from '@cqo/organizations';

/**
 * A versioned set of hour requirements for a region (and everything below it), in force from
 * `effectiveFrom` to `effectiveTo` (dates in China Standard Time, both inclusive). A set's rules
 * never change once created: changing the rules means a new set, which closes the previous one.
 * The most specific region wins; a year is judged under the set in force on its last day (or
 * today, while the year is open).
 */
@Entity({ name: 'requirement_rule_sets' })
@Index('ix_requirement_rule_sets_region_from', ['regionId', 'effectiveFrom'])
export class RequirementRuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_requirement_rule_sets_region' })
  region?: Relation<RegionEntity>;

  /** YYYY-MM-DD, China Standard Time. */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** YYYY-MM-DD inclusive; null while open-ended. */
  @Column({ type: 'date', nullable: true })
  effectiveTo!: string | null;

  /** Days of the year ('MM-DD', CST) on which trainees short of a yearly requirement are reminded. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  reminderDates!: string[];

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_requirement_rule_sets_created_by' })
  creator?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
