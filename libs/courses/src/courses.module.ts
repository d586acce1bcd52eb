import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cqo/identity';
import { NotificationsModule } from '@cqo/notifications';
import { TraineesModule } from '@cqo/trainees';
import { AttendanceService } from './attendance.service';
import { ContentFilesService } from './content/content-files.service';
import { StudyEvidenceService } from './study/study-evidence.service';
import { CatalogRepository } from './catalog.repository';
import { CourseAccess } from './course-access';
import { CourseReviewNotifier } from './course-review.notifier';
import { CourseCompletionService } from './course-completion.service';
import { CourseVersionReader } from './course-views';
import { CoursesService } from './courses.service';
import { EnrollmentsService } from './enrollments.service';
import { EnterpriseNominationsService } from './enterprise-nominations.service';
import { COURSE_ENTITIES } from './entities/all';
import { ProgressService } from './progress.service';
import { RosterImportService } from './roster-import.service';
import { TraineeResolver } from './trainee-resolver';
import { XapiKeysService } from './xapi-keys.service';
import { XapiService } from './xapi.service';
import { XapiDocumentsService } from './xapi/xapi-documents.service';
import { Cmi5Service } from './cmi5/cmi5.service';
import { ContentPackagesService } from './cmi5/content-packages.service';
import { ScormService } from './scorm/scorm.service';
import { LessonPreviewService } from './content/lesson-preview.service';

const SERVICES = [
  CourseAccess,
  CourseVersionReader,
  CoursesService,
  CatalogRepository,
  CourseCompletionService,
  CourseReviewNotifier,
  EnrollmentsService,
  EnterpriseNominationsService,
  ProgressService,
  TraineeResolver,
  RosterImportService,
  AttendanceService,
  XapiKeysService,
  XapiService,
  XapiDocumentsService,
  ContentPackagesService,
  Cmi5Service,
  ScormService,
  ContentFilesService,
  LessonPreviewService,
  StudyEvidenceService,
];

/** Curricula, enrolment and learning progress. Exports its services to the API and to the exams lib. */
@Module({
  imports: [TypeOrmModule.forFeature([...COURSE_ENTITIES]), IdentityModule, TraineesModule, NotificationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class CoursesModule {}
