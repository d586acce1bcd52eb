import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';
import type { Cmi5Course } from '../cmi5/cmi5-structure';

/**
 * A content package in an organization's library (a cmi5 course today), used by cmi5 lessons:
 * its structure as read from the package, and where its files are in storage
 * (`<storagePrefix><path inside the package>`). Never changed: a new import is a new package.
 */
@Entity({ name: 'content_packages' })
export class ContentPackageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_content_packages' })
  id!: string;

  @Index('ix_content_packages_organization_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_content_packages_organization' })
  organizationId!: string;

  /** 'cmi5', 'scorm12' or 'scorm2004' */
  @Column({ type: 'text' })
  standard!: string;

  @Column({ type: 'jsonb' })
  structure!: Cmi5Course;

  @Column({ type: 'text' })
  storagePrefix!: string;

  @Column({ type: 'int' })
  fileCount!: number;

  /** Uncompressed bytes of all files. */
  @Column({ type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
