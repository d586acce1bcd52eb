import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CityYearlyReportEntity } from './yearly-report.entity';

export type CityReportVersionStatus = 'submitted' | 'acknowledged' | 'returned' | 'superseded';

/**
 * A city's report as signed off and submitted to the province: the figures, the CQO list and the
 * files frozen at submission. Never edited; a resubmission is a new version that supersedes it.
 */
@Entity({ name: 'city_report_versions' })
@Index('ux_city_report_versions_report_version', ['reportId', 'version'], { unique: true })
@Check('ck_city_report_versions_status', `status IN ('submitted', 'acknowledged', 'returned', 'superseded')`)
export class CityReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CityYearlyReportEntity, { onDelete: 'RESTRICT', name: 'fk_city_report_versions_report' })
  reportId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  status!: CityReportVersionStatus;

  /** 推行情况: the city's own account, written at sign-off. */
  @Column({ type: 'text' })
  narrative!: string;

  /** The report's content (summary and CQO list) as printed. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'text' })
  pdfStorageKey!: string;

  @Column({ type: 'text' })
  pdfSha256!: string;

  @Column({ type: 'text' })
  xlsxStorageKey!: string;

  @Column({ type: 'text' })
  xlsxSha256!: string;

  /** The city regulator who signed off and submitted. */
  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  returnReason!: string | null;
}
