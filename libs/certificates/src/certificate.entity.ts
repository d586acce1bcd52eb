import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { RegionEntity, TrainingOrganizationEntity } from '@cqo/organizations';
import type { CertificateContent, CertificateKind, CertificateStatus } from './certificate.types';

/**
 * One version of a certificate. The current version of a (trainee, kind, subject, period) is
 * the one not superseded: the partial unique index makes issuance idempotent. A reissue adds a
 * version pointing at the one it replaces; nothing is ever deleted.
 */
@Entity({ name: 'certificates' })
@Index('ux_certificates_current', ['traineeId', 'kind', 'subjectKey', 'period'], { unique: true, where: "status <> 'superseded'" })
@Index('ix_certificates_trainee_id', ['traineeId'])
@Index('ix_certificates_region_id_year', ['regionId', 'year'])
@Index('ix_certificates_organization_id', ['organizationId'])
@Index('ix_certificates_course_id', ['courseId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_certificates_serial', { unique: true })
  @Column({ type: 'text' })
  serial!: string;

  /** Random, unguessable: what the QR code carries. */
  @Index('ux_certificates_verify_token', { unique: true })
  @Column({ type: 'text' })
  verifyToken!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_certificates_trainee' })
  traineeId!: string;

  @Column({ type: 'text' })
  kind!: CertificateKind;

  /** What the certificate is for: the enrollment id (course completion), `appointment` or `continuing-education`. */
  @Column({ type: 'text' })
  subjectKey!: string;

  /** `once` (appointment training) or the year (yearly certificate, course completion). */
  @Column({ type: 'text' })
  period!: string;

  /** The calendar year (China Standard Time) the certificate belongs to, for exports by region and year. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Index('ix_certificates_previous_id')
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => CertificateEntity, { onDelete: 'RESTRICT', name: 'fk_certificates_previous' })
  previousId!: string | null;

  @Column({ type: 'text', default: 'valid' })
  status!: CertificateStatus;

  /** Region of the trainee's enterprise at issue (the province when none): regulators' scope. */
  @Column({ type: 'uuid' })
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT', name: 'fk_certificates_region' })
  regionId!: string;

  /** The training organization of the course (course completion only): org admins' scope. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'RESTRICT', name: 'fk_certificates_organization' })
  organizationId!: string | null;

  /** The course (course completion only); no foreign key, the courses lib owns that table. */
  @Column({ type: 'uuid', nullable: true })
  courseId!: string | null;

  /** The signed content; the PDF is rendered from it alone. */
  @Column({ type: 'jsonb' })
  content!: CertificateContent;

  @Index('ux_certificates_pdf_sha256', { unique: true })
  @Column({ type: 'text' })
  pdfSha256!: string;

  @Column({ type: 'int' })
  pdfSize!: number;

  /** Base64 Ed25519 signature over canonical JSON of {content, pdfSha256}. */
  @Column({ type: 'text' })
  signature!: string;

  @Column({ type: 'text' })
  signingKeyId!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  /** First issue of this certificate: frozen across retries and reissues. */
  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  /** When this version was made. */
  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_certificates_revoked_by' })
  revokedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  /** When the year's verdict fell below complete after issue (null while valid); see `suspensionReason`. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  suspensionReason!: string | null;
}

export type CertificateEventType = 'issued' | 'reissued' | 'superseded' | 'revoked' | 'file_restored' | 'suspended' | 'reinstated';

/** The history of a certificate: who did what, when and why. Append-only. */
@Entity({ name: 'certificate_events' })
@Index('ix_certificate_events_certificate_id_at', ['certificateId', 'at'])
export class CertificateEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CertificateEntity, { onDelete: 'RESTRICT', name: 'fk_certificate_events_certificate' })
  certificateId!: string;

  @Column({ type: 'text' })
  type!: CertificateEventType;

  /** The user who acted; null for the system (jobs). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_certificate_events_actor' })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
