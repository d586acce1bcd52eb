import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TargetCriteria } from '../targets/target-criteria';

/**
 * A target of the notice (一、总体要求) as data: the group it is defined on, the deadline and the
 * rate to reach. Seeded by migration with the notice's two targets; read by the target figures.
 */
@Entity({ name: 'appointment_targets' })
export class AppointmentTargetEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_appointment_targets' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The last day by which the rate should be reached. */
  @Column({ type: 'date' })
  deadline!: string;

  /** 1 = 100%. */
  @Column({ type: 'numeric', precision: 5, scale: 4 })
  targetRate!: string;

  /** Which enterprises are in the group (see TargetCriteria). */
  @Column({ type: 'jsonb' })
  criteria!: TargetCriteria;

  @Column({ type: 'int' })
  sortOrder!: number;
}
