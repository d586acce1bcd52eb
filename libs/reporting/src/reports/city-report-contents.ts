import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, chinaDateOf, Clock, normalizeHours, runQuery } from '@cqo/core';
import { isMet } from '@cqo/credit-hours';
import { isExceptionAppointment } from '@cqo/registry';
import { DashboardsService } from '../dashboards/dashboards.service';
import { cityEnterpriseReportCounts, cityReportCqos } from '../sql/reports.sql';
import { CityReportContent, CityReportCqoRow } from './city-report.renderer';

const STATE_LABELS: Record<string, string> = {
  on_track: '正常',
  at_risk: '进度滞后',
  complete: '已完成',
  shortfall: '未完成',
  not_applicable: '不适用',
};

/**
 * What a city's yearly report states, computed when it is generated or submitted: the region's
 * figures as the dashboards count them and every CQO serving at the city's enterprises in the
 * year with their training and hours. CityReportsService renders, stores and versions it.
 */
@Injectable()
export class CityReportContents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboards: DashboardsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The report's content: the summary figures (from the dashboards' SQL) and the appointed CQOs of the year. */
  async of(
    regionName: string,
    regionPath: string,
    year: number,
    meta: Pick<CityReportContent, 'stage' | 'preparedBy' | 'version' | 'narrative'>,
  ): Promise<CityReportContent> {
    const now = this.clock.now();
    // The report prints figures as of now, not as of the last scheduled refresh; the target
    // figures as of the end of the year reported (or today, for the open year).
    await this.dashboards.refreshStats();
    const today = chinaDateOf(now);
    const yearEnd = `${year}-12-31`;
    const figures = (await this.dashboards.regionFigures(regionPath, year, yearEnd < today ? yearEnd : today)).totals;
    // Set-based: the CQOs serving in the year (a term overlapping it) at the city's enterprises,
    // with their appointment-training status (the compliance engine's `once` verdict), appointment certificate (certificates)
    // and the year's statuses (the compliance engine's table), in one statement.
    const rows = await runQuery(this.dataSource, cityReportCqos, [regionPath, year]);
    const cqos: CityReportCqoRow[] = rows.map((r) => {
      const statuses = r.statuses ?? [];
      // Appointment training met as the credit-hours engine judged it (its `once` status), and certified.
      const trained = r.appointment !== null && isMet(r.appointment) && r.has_certificate;
      return {
        enterpriseName: r.enterprise_name,
        creditCode: r.credit_code,
        fullName: r.full_name,
        idNumberMasked: r.id_number_masked,
        positionTitle: r.position_title,
        appointedOn: r.appointed_on,
        termEndsOn: r.term_ends_on,
        status: r.status === 'serving' ? '在任' : '已离任',
        appointmentTraining: trained ? '已完成' : '未完成',
        yearHours: statuses.map(
          (s) => `${s.name} ${normalizeHours(s.accrued)}/${normalizeHours(s.required)} ${STATE_LABELS[s.state] ?? s.state}`,
        ),
        yearComplete: statuses.length > 0 && statuses.every((s) => s.state === 'complete'),
        exception: isExceptionAppointment(r.eligible, r.position_level),
      };
    });
    const [reports] = await runQuery(this.dataSource, cityEnterpriseReportCounts, [regionPath, year]);
    const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
    const yearFigures = figures.compliance.find((c) => c.year === year)!;
    const summary: [string, string][] = [
      ['企业总数', String(figures.enterprises)],
      [
        `已聘任首席质量官的企业（${figures.targets[0]?.date ?? today}，不含例外聘任）`,
        `${figures.enterprisesWithCqo}（${pct(figures.appointmentRate)}）`,
      ],
      ...figures.targets.map((t): [string, string] => [
        `${t.name}聘任率（目标${pct(t.targetRate)}，${t.deadline}前；截至${t.date}）`,
        t.verdict === 'no_target_enterprises'
          ? '无目标企业'
          : `${t.appointed}/${t.enterprises}（${pct(t.rate)}，${t.verdict === 'met' ? '已达成' : '未达成'}；例外聘任${t.exceptionAppointments}，未到任${t.futureDated}）`,
      ]),
      [`${year}年度在任首席质量官`, String(yearFigures.servingCqos)],
      [`${year}年度继续教育学时全部达标`, `${yearFigures.complete}（${pct(yearFigures.rate)}）`],
      ['任职培训已完成', `${cqos.filter((c) => c.appointmentTraining === '已完成').length}/${cqos.length}`],
      ['例外聘任', String(cqos.filter((c) => c.exception).length)],
      [`${year}年度企业书面报告（已报送/已签收）`, `${reports.filed}/${reports.acknowledged}`],
    ];
    return { regionName, year, generatedOn: chinaDateOf(now), issuer: this.config.certificates.issuerName, summary, cqos, ...meta };
  }
}
