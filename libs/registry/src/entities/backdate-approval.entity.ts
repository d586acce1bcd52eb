import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A regulator's approval for an appointment dated earlier than the registration window allows
 * (the enterprise registers late). Used once; who, when and why are kept (the audit).
 */
@Entity({ name: 'appointment_backdate_approvals' })
@Index('ix_appointment_backdate_approvals_enterprise_trainee', ['enterpriseId', 'traineeId'])
export class BackdateApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  enterpriseId!: string;

  @Column({ type: 'uuid' })
  traineeId!: string;

  @Column({ type: 'date' })
  appointedOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  approvedBy!: string;

  @Column({ type: 'timestamptz' })
  approvedAt!: Date;

  /** The appointment that used it (an approval is used once). */
  @Column({ type: 'uuid', nullable: true })
  usedByAppointmentId!: string | null;
}
