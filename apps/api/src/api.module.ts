import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { CertificatesModule } from '@cqo/certificates';
import { AppConfig, buildLoggerParams, CoreModule, RedisClient, RedisModule } from '@cqo/core';
import { CreditHoursModule } from '@cqo/credit-hours';
import { CoursesModule } from '@cqo/courses';
import { ExamsModule } from '@cqo/exams';
import { ExternalClaimsModule } from '@cqo/external-claims';
import { IdentityModule } from '@cqo/identity';
import { NotificationsModule } from '@cqo/notifications';
import { OrganizationsModule } from '@cqo/organizations';
import { RegistryModule } from '@cqo/registry';
import { ReportingModule } from '@cqo/reporting';
import { DatabaseModule } from '@cqo/schema';
import { TraineesModule } from '@cqo/trainees';
import { AuditedReadInterceptor } from './http/common/audited-read';
import { AccessGuard } from './http/common/access.guard';
import { ErrorFilter } from './http/common/error.filter';
import { HostileInputGuard } from './http/common/hostile-input.guard';
import { RedisThrottlerStorage } from './http/common/redis-throttler-storage';
import { AuditLogController } from './http/audit/audit-log.controller';
import { AccountRecoveryController } from './http/auth/account-recovery.controller';
import { AuthController } from './http/auth/auth.controller';
import { CertificateVerificationController } from './http/certificates/certificate-verification.controller';
import { CertificatesController, MyCertificatesController } from './http/certificates/certificates.controller';
import { SerialVerifyLimiter } from './http/certificates/serial-verify-limiter';
import { verifyThrottler } from './http/certificates/verify-throttler';
import { searchThrottler } from './http/organizations/search-throttler';
import { EnterpriseSearchController } from './http/organizations/enterprise-search.controller';
import { EnterpriseStaffController } from './http/enterprise-staff/enterprise-staff.controller';
import { ContentUploadsController } from './http/content/content-uploads.controller';
import { MediaController } from './http/content/media.controller';
import { TusUploadServer } from './http/content/tus-upload-server';
import { CoursesController } from './http/courses/courses.controller';
import { EnrollmentsController } from './http/courses/enrollments.controller';
import { ProgressController } from './http/courses/progress.controller';
import { XapiController } from './http/courses/xapi.controller';
import { Cmi5Controller } from './http/courses/cmi5.controller';
import { ScormController } from './http/courses/scorm.controller';
import { LessonPreviewController } from './http/courses/lesson-preview.controller';
import { CapabilityResultsController } from './http/exams/capability-results.controller';
import { MyExamsController } from './http/exams/my-exams.controller';
import { PapersController } from './http/exams/papers.controller';
import { QuestionsController } from './http/exams/questions.controller';
import { ComplianceController } from './http/credit-hours/compliance.controller';
import { CreditHoursController } from './http/credit-hours/credit-hours.controller';
import { HoursOutlookController } from './http/credit-hours/hours-outlook.controller';
import { HoursTranscriptsController } from './http/credit-hours/hours-transcripts.controller';
import { ExternalClaimsController } from './http/external-claims/external-claims.controller';
import { HealthController } from './http/health/health.controller';
import { MailController } from './http/notifications/mail.controller';
import { NotificationsController } from './http/notifications/notifications.controller';
import { EnterprisesController } from './http/organizations/enterprises.controller';
import { OrganizationsController } from './http/organizations/organizations.controller';
import { RegionsController } from './http/regions/regions.controller';
import { AppointmentsController } from './http/registry/appointments.controller';
import { EnterpriseReportsController } from './http/registry/enterprise-reports.controller';
import { BackdateApprovalsController, TraineeFactsController } from './http/registry/facts.controller';
import {
  EnterpriseCorrectionsController,
  EnterpriseHistoryController,
  EnterpriseImportsController,
} from './http/regulators/master-data.controller';
import { CityReportsController } from './http/regulators/city-reports.controller';
import { DashboardsController } from './http/regulators/dashboards.controller';
import { ExportsController } from './http/regulators/exports.controller';
import { AccessLogController, LookupController } from './http/regulators/lookup.controller';
import { IdNumberCollisionsController } from './http/trainees/id-number-collisions.controller';
import { EmployerLinksController } from './http/trainees/employer-links.controller';
import { TraineesController } from './http/trainees/trainees.controller';
import { UsersController } from './http/users/users.controller';

/** The HTTP process: controllers over the domain libs. It runs no job processors. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(buildLoggerParams(config, 'api')),
        DatabaseModule.forRoot(),
        RedisModule,
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRootAsync({
          inject: [RedisClient],
          useFactory: (redis: RedisClient) => ({
            throttlers: [
              { name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute },
              verifyThrottler(config.certificates.verifyRateLimitPerMinute),
              searchThrottler(),
            ],
            storage: new RedisThrottlerStorage(redis.redis),
          }),
        }),
        OrganizationsModule,
        IdentityModule,
        TraineesModule,
        NotificationsModule,
        CreditHoursModule,
        CoursesModule,
        ExamsModule,
        CertificatesModule,
        RegistryModule,
        ReportingModule,
        ExternalClaimsModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        AccountRecoveryController,
        MailController,
        UsersController,
        RegionsController,
        OrganizationsController,
        EnterpriseSearchController,
        EnterprisesController,
        EnterpriseStaffController,
        EnterpriseHistoryController,
        EnterpriseCorrectionsController,
        EnterpriseImportsController,
        TraineeFactsController,
        BackdateApprovalsController,
        TraineesController,
        NotificationsController,
        CreditHoursController,
        HoursOutlookController,
        ComplianceController,
        CoursesController,
        EnrollmentsController,
        ProgressController,
        ContentUploadsController,
        MediaController,
        XapiController,
        Cmi5Controller,
        ScormController,
        LessonPreviewController,
        QuestionsController,
        PapersController,
        MyExamsController,
        CapabilityResultsController,
        CertificateVerificationController,
        MyCertificatesController,
        CertificatesController,
        AppointmentsController,
        EnterpriseReportsController,
        LookupController,
        AccessLogController,
        DashboardsController,
        ExportsController,
        CityReportsController,
        AuditLogController,
        EmployerLinksController,
        ExternalClaimsController,
        HoursTranscriptsController,
        IdNumberCollisionsController,
      ],
      providers: [
        // Hostile input is refused before anything reads it (guards run in this order).
        { provide: APP_GUARD, useClass: HostileInputGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Exports and lookups of people are written to the security audit log (by the interceptor
        // @AuditedRead puts on each such route).
        AuditedReadInterceptor,
        SerialVerifyLimiter,
        TusUploadServer,
      ],
    };
  }
}
