import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import type { HoursTranscriptContent } from './hours-transcript.types';

/** One hours transcript as issued: its signed content, the PDF's hash and where the PDF is stored. */
@Entity({ name: 'hours_transcripts' })
@Index('ix_hours_transcripts_trainee_id_created_at', ['traineeId', 'createdAt'])
export class HoursTranscriptEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hours_transcripts' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_hours_transcripts_trainee' })
  traineeId!: string;

  /** From the certificates' serial sequence, so a serial names one document of either kind. */
  @Index('ux_hours_transcripts_serial', { unique: true })
  @Column({ type: 'text' })
  serial!: string;

  /** The random token of the QR code's link. */
  @Index('ux_hours_transcripts_verify_token', { unique: true })
  @Column({ type: 'text' })
  verifyToken!: string;

  @Column({ type: 'jsonb' })
  content!: HoursTranscriptContent;

  @Index('ix_hours_transcripts_pdf_sha256')
  @Column({ type: 'text' })
  pdfSha256!: string;

  /** Ed25519 over the canonical content and the PDF's hash (CertificateSigner). */
  @Column({ type: 'text' })
  signature!: string;

  @Column({ type: 'text' })
  signingKeyId!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  /** Who asked for it: the trainee, their enterprise admin, a regulator or a platform admin. */
  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
