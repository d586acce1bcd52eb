import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditHoursModule } from '@cqo/credit-hours';
import { NotificationsModule } from '@cqo/notifications';
import { RegistryModule } from '@cqo/registry';
import { TraineesModule } from '@cqo/trainees';
import { DashboardsService } from './dashboards/dashboards.service';
import { AppointmentTargetEntity } from './entities/appointment-target.entity';
import { CityReportVersionEntity } from './entities/city-report-version.entity';
import { RegistryAccessLogEntity } from './entities/registry-access-log.entity';
import { RegistryFiguresEpochEntity } from './entities/registry-figures-epoch.entity';
import { RegistryReportRulesEntity } from './entities/registry-report-rules.entity';
import { CityYearlyReportEntity, EnterpriseYearlyReportEntity } from './entities/yearly-report.entity';
import { RegistryExportsService } from './exports/registry-exports.service';
import { AccessLogService } from './lookup/access-log.service';
import { CqoStatusService } from './lookup/cqo-status.service';
import { CityReportContents } from './reports/city-report-contents';
import { CityReportsService } from './reports/city-reports.service';
import { EnterpriseReportsService } from './reports/enterprise-reports.service';
import { TargetFiguresService } from './targets/target-figures.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const REPORTING_ENTITIES = [
  RegistryAccessLogEntity,
  EnterpriseYearlyReportEntity,
  CityYearlyReportEntity,
  AppointmentTargetEntity,
  RegistryReportRulesEntity,
  RegistryFiguresEpochEntity,
  CityReportVersionEntity,
];

const SERVICES = [
  TargetFiguresService,
  AccessLogService,
  CqoStatusService,
  DashboardsService,
  RegistryExportsService,
  EnterpriseReportsService,
  CityReportsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), RegistryModule, TraineesModule, NotificationsModule, CreditHoursModule],
  providers: [...SERVICES, CityReportContents],
  exports: SERVICES,
})
export class ReportingModule {}
