import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * When the enterprises' yearly reports are due (notice 三 (二) says yearly, not when; the product
 * decides 31 January of the following year, as data). The rule in force on a date is the one with
 * the latest `effectiveFrom` on or before it.
 */
@Entity({ name: 'registry_report_rules' })
export class RegistryReportRulesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** Month and day in the year after the reported year, e.g. 1 and 31. */
  @Column({ type: 'int' })
  enterpriseReportDueMonth!: number;

  @Column({ type: 'int' })
  enterpriseReportDueDay!: number;
}
