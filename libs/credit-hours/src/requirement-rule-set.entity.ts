import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RegionEntity } from '@cqo/organizations';

/**
 * A versioned set of hour requirements for a region (and everything below it), governing whole
 * calendar years from `firstYear` on (CST) until a newer set of the region takes over. A set's
 * rules never change once created: changing the rules means a new set. For a region and a year,
 * the governing set is decided by the SQL function `governing_rule_set_id` (the most specific
 * region with a set whose first year is on or before the year), and nowhere else.
 * `effectiveFrom`/`effectiveTo` are the dates that follow from that (1 January of the first year
 * to the day before the next set's), kept for people reading the list.
 */
@Entity({ name: 'requirement_rule_sets' })
@Index('ix_requirement_rule_sets_region_from', ['regionId', 'effectiveFrom'])
@Index('ix_requirement_rule_sets_region_first_year', ['regionId', 'firstYear'])
@Check('ck_requirement_rule_sets_minutes', 'minutes_per_credit_hour BETWEEN 1 AND 240')
export class RequirementRuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_requirement_rule_sets_region' })
  regionId!: string;

  /** The first calendar year (CST) this set governs. A year already in progress only with `currentYearReason`. */
  @Column({ type: 'smallint' })
  firstYear!: number;

  /** The length of one 学时 in minutes (common practice 45): a course's required lessons must add up to hours × this. */
  @Column({ type: 'int', default: 45 })
  minutesPerCreditHour!: number;

  /** Why the admin applied this set to the year already in progress when it was published (audited), else null. */
  @Column({ type: 'text', nullable: true })
  currentYearReason!: string | null;

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
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_requirement_rule_sets_created_by' })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
