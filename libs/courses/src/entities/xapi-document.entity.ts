import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TrainingOrganizationEntity } from '@cqo/organizations';

export type XapiDocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/**
 * A document of the xAPI State, Activity Profile or Agent Profile API, kept per organization
 * (the key pair's). `scope` is the canonical form of what the document belongs to (activity,
 * agent, registration), so one unique index finds it.
 */
@Entity({ name: 'xapi_documents' })
@Index('ux_xapi_documents_scope', ['organizationId', 'kind', 'scope', 'documentId'], { unique: true })
@Check('ck_xapi_documents_kind', `kind IN ('state', 'activity_profile', 'agent_profile')`)
export class XapiDocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_xapi_documents' })
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => TrainingOrganizationEntity, { onDelete: 'CASCADE', name: 'fk_xapi_documents_organization' })
  organizationId!: string;

  @Column({ type: 'text' })
  kind!: XapiDocumentKind;

  /** activityId | agent | registration, canonical (see XapiDocumentsService). */
  @Column({ type: 'text' })
  scope!: string;

  /** stateId or profileId. */
  @Column({ type: 'text' })
  documentId!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  /** SHA-1 of the content, as the ETag (quoted when sent). */
  @Column({ type: 'text' })
  etag!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
