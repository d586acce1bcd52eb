import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose `epoch` grows with every change to what the target figures are computed from
 * (master-data versions, appointments, regulator flags, regions): statement triggers bump it in
 * the changing transaction, so a snapshot that reads epoch E sees exactly E's data, and figures
 * cached under E (with the date and the trained set) are the ones a fresh computation would give.
 */
@Entity({ name: 'registry_figures_epoch' })
@Check('ck_registry_figures_epoch_single', 'id = 1')
export class RegistryFiguresEpochEntity {
  @PrimaryColumn({ type: 'smallint', default: 1, primaryKeyConstraintName: 'PK_registry_figures_epoch' })
  id!: number;

  @Column({ type: 'bigint', default: 0 })
  epoch!: string;
}
