import { AttentionCheckEntity } from './attention-check.entity';
import { AttendanceRecordEntity } from './attendance-record.entity';
import { CourseVersionTopicEntity } from './course-version-topic.entity';
import { CourseVersionEntity } from './course-version.entity';
import { CourseEntity } from './course.entity';
import { ContentFileEntity } from './content-file.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { LessonProgressEntity } from './lesson-progress.entity';
import { LessonEntity } from './lesson.entity';
import { StudySessionEntity } from './study-session.entity';
import { TopicEntity } from './topic.entity';
import { XapiApiKeyEntity } from './xapi-api-key.entity';
import { XapiDocumentEntity } from './xapi-document.entity';
import { ContentPackageEntity } from './content-package.entity';
import { Cmi5AuStateEntity, Cmi5LaunchEntity } from './cmi5-launch.entity';
import { ScormAttemptEntity, ScormSessionEntity } from './scorm.entity';
import { XapiStatementEntity } from './xapi-statement.entity';
import { XapiWindowEntity } from './xapi-window.entity';

/** Every entity of the courses lib, for TypeORM registration and ALL_ENTITIES. */
export const COURSE_ENTITIES = [
  TopicEntity,
  CourseEntity,
  CourseVersionEntity,
  CourseVersionTopicEntity,
  ContentFileEntity,
  LessonEntity,
  EnrollmentEntity,
  LessonProgressEntity,
  StudySessionEntity,
  AttentionCheckEntity,
  AttendanceRecordEntity,
  XapiApiKeyEntity,
  XapiStatementEntity,
  XapiWindowEntity,
  XapiDocumentEntity,
  ContentPackageEntity,
  Cmi5LaunchEntity,
  Cmi5AuStateEntity,
  ScormSessionEntity,
  ScormAttemptEntity,
] as const;
