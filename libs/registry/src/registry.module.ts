import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '@cqo/certificates';
import { CreditHoursModule } from '@cqo/credit-hours';
import { IdentityModule } from '@cqo/identity';
import { NotificationsModule } from '@cqo/notifications';
import { TraineesModule } from '@cqo/trainees';
import { AppointmentPrecheck } from './appointments/appointment-precheck.service';
import { AppointmentsIdentityReference } from './appointments/appointments.identity-reference';
import { AppointmentsService } from './appointments/appointments.service';
import { TermRemindersService } from './appointments/term-reminders.service';
import { DashboardsService } from './dashboards/dashboards.service';
import { DeclarationsService } from './declarations/declarations.service';
import { EligibilityRulesRepository } from './eligibility/eligibility-rules.repository';
import { EligibilityService } from './eligibility/eligibility.service';
import { AppointmentTargetEntity } from './entities/appointment-target.entity';
import { BackdateApprovalEntity } from './entities/backdate-approval.entity';
import { CityReportVersionEntity } from './entities/city-report-version.entity';
import { CqoAppointmentEntity } from './entities/cqo-appointment.entity';
import { RegistryReportRulesEntity } from './entities/registry-report-rules.entity';
import { RegistryFiguresEpochEntity } from './entities/registry-figures-epoch.entity';
import { TraineeFactEntity } from './entities/trainee-fact.entity';
import { CqoDeclarationEntity } from './entities/cqo-declaration.entity';
import { CqoFlagEntity } from './entities/cqo-flag.entity';
import { EligibilityRuleSetEntity } from './entities/eligibility-rule-set.entity';
import { RegistryAccessLogEntity } from './entities/registry-access-log.entity';
import { CityYearlyReportEntity, EnterpriseYearlyReportEntity } from './entities/yearly-report.entity';
import { RegistryExportsService } from './exports/registry-exports.service';
import { CqoFlagsService } from './flags/cqo-flags.service';
import { AccessLogService } from './lookup/access-log.service';
import { CqoStatusService } from './lookup/cqo-status.service';
import { CityReportsService } from './reports/city-reports.service';
import { EnterpriseReportsService } from './reports/enterprise-reports.service';
import { TargetFiguresService } from './targets/target-figures.service';
import { TraineeFactsService } from './facts/trainee-facts.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const REGISTRY_ENTITIES = [
  EligibilityRuleSetEntity,
  CqoAppointmentEntity,
  CqoDeclarationEntity,
  CqoFlagEntity,
  RegistryAccessLogEntity,
  EnterpriseYearlyReportEntity,
  CityYearlyReportEntity,
  AppointmentTargetEntity,
  BackdateApprovalEntity,
  RegistryReportRulesEntity,
  RegistryFiguresEpochEntity,
  CityReportVersionEntity,
  TraineeFactEntity,
];

const SERVICES = [
  TraineeFactsService,
  TargetFiguresService,
  EligibilityRulesRepository,
  EligibilityService,
  AppointmentsService,
  AppointmentPrecheck,
  TermRemindersService,
  DeclarationsService,
  CqoFlagsService,
  AccessLogService,
  CqoStatusService,
  DashboardsService,
  RegistryExportsService,
  EnterpriseReportsService,
  CityReportsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(REGISTRY_ENTITIES), IdentityModule, TraineesModule, NotificationsModule, CreditHoursModule, CertificatesModule],
  providers: [...SERVICES, AppointmentsIdentityReference],
  exports: SERVICES,
})
export class RegistryModule {}
