import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

/** A course's identity and owner. Everything that can change lives on its versions. */
@Entity({ name: 'courses' })
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_courses_organization_id')
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_courses_organization' })
  organization?: Relation<TrainingOrganizationEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
