import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

/** A course's identity and owner. Everything that can change lives on its versions. */
@Entity({ name: 'courses' })
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_courses_organization_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_courses_organization' })
  organizationId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
