import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

export type ContentKind = 'video' | 'document';

/**
 * An uploaded lesson file (video or PDF) of one training organization. The bytes live in object
 * storage under `storageKey`; type and duration were read from the bytes, never from the name.
 * Lessons point at it, so a new course version reuses the same file.
 */
@Entity({ name: 'content_files' })
@Check('ck_content_files_kind', `kind IN ('video', 'document') AND (kind = 'document' OR duration_seconds > 0)`)
export class ContentFileEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_content_files' })
  id!: string;

  @Index('ix_content_files_organization_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_content_files_organization' })
  organizationId!: string;

  @Column({ type: 'text' })
  kind!: ContentKind;

  /** As detected from the bytes (video/mp4, video/webm, application/pdf). */
  @Column({ type: 'text' })
  mimeType!: string;

  @Index('ux_content_files_storage_key', { unique: true })
  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'bigint' })
  sizeBytes!: string;

  /** Real playing time of a video, read from the file. */
  @Column({ type: 'double precision', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'text' })
  sha256!: string;

  /** The uploader's file name, for display only. */
  @Column({ type: 'text' })
  originalName!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
