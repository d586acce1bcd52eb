import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@cqo/identity';
import { EnterpriseEntity } from '@cqo/organizations';

/** The notice's disqualifying circumstances (有下列情形之一的，不得担任首席质量官), one yes/no each. */
export const DECLARATION_ITEMS = ['serious_quality_violation', 'improper_gain', 'abuse_of_office', 'leaked_secrets', 'other_harm'] as const;
export type DeclarationItem = (typeof DECLARATION_ITEMS)[number];
export const DECLARATION_ITEM_LABELS: Readonly<Record<DeclarationItem, string>> = {
  serious_quality_violation: '违反有关法律法规，在质量岗位工作中造成重大失误或谋取不正当利益或受过刑事处分',
  improper_gain: '利用履行职责之便谋取不正当利益',
  abuse_of_office: '滥用职权，干预企业正常经营秩序',
  leaked_secrets: '向与履职无关的第三方泄露企业秘密或者合作伙伴信息，损害企业或者合作伙伴合法权益',
  other_harm: '其他损害合作伙伴和企业合法权益行为',
};

/**
 * The candidate's declaration on the disqualifying circumstances, recorded by the enterprise.
 * The product records it and shows it; it does not judge it (DOMAIN.md). Append-only: a newer
 * declaration is a new row, the latest one is shown first.
 */
@Entity({ name: 'cqo_declarations' })
@Index('ix_cqo_declarations_trainee_id_declared_on', ['traineeId', 'declaredOn'])
export class CqoDeclarationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT', name: 'fk_cqo_declarations_trainee' })
  traineeId!: string;

  @Index('ix_cqo_declarations_enterprise_id')
  @Column({ type: 'uuid' })
  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT', name: 'fk_cqo_declarations_enterprise' })
  enterpriseId!: string;

  @Column({ type: 'date' })
  declaredOn!: string;

  /** Each item of {@link DECLARATION_ITEMS}: true = the candidate declares the circumstance applies. */
  @Column({ type: 'jsonb' })
  answers!: Record<DeclarationItem, boolean>;

  /** Whether any item was answered yes (kept for filters and the status page). */
  @Column({ type: 'boolean' })
  anyDisqualifying!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL', name: 'fk_cqo_declarations_recorded_by' })
  recordedBy!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
