// The API's response shapes as the web app reads them (dates arrive as ISO strings).
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = Schemas['MeDto']['role'];

export type Me = Schemas['MeDto'];

export type NotificationSettings = Schemas['NotificationSettingsDto'];

export type DeadLetter = Schemas['DeadLetterDto'];

export type CaughtMailSummary = Schemas['CaughtMailSummaryDto'];

export type CaughtMail = Schemas['CaughtMailDto'];

export type IdNumberCollision = Schemas['IdNumberCollisionDto'];

export type Topic = Schemas['TopicDto'];

export type CourseStatus = Schemas['CourseVersionSummaryDto']['status'];
export type LessonType = Schemas['LessonViewDto']['type'];

/** POST /me/enrollments/:id/lessons/:lessonId/scorm-launch */
export type ScormLaunch = Schemas['ScormLaunchViewDto'];
/** POST /course-versions/:versionId/lessons/:lessonId/preview */
export type LessonPreview = Schemas['LessonPreviewViewDto'];

/** POST /me/enrollments/:id/lessons/:lessonId/cmi5-launch */
export type Cmi5Launch = Schemas['Cmi5LaunchViewDto'];

export type Lesson = Schemas['LessonViewDto'];

/** POST /content-packages: a cmi5 or SCORM package imported into the organization's library. */
export type ContentPackage = Schemas['ContentPackageDto'];

/** An uploaded lesson file (video or PDF). */
export type LessonContent = Schemas['LessonContentDto'];

export type CourseSummary = Schemas['CourseVersionSummaryDto'];

export type CourseVersion = Schemas['CourseVersionDto'];

export type EnrollmentStatus = Schemas['EnrollmentDto']['status'];

/** The report of a CSV import, row by row: a course roster or an attendance sheet. */
export type RowReport = Schemas['RosterReportDto'] | Schemas['AttendanceReportDto'];

/** How a CSV import treats bad rows: apply the valid ones, or nothing unless all are valid. */
export type RosterMode = Schemas['RosterReportDto']['mode'];

export type AttentionCheck = Schemas['AttentionCheckDto'];

export type StudySession = Schemas['StudySessionDto'];

export type QuestionType = Question['type'];

export type TraineePaper = Schemas['TraineePaperDto'];

export type AttemptResult = Schemas['AttemptResultDto'];

export type Attempt = Schemas['TraineeAttemptDto'];

export type Question = Schemas['QuestionViewDto'];

export type Paper = Schemas['PaperViewDto'];

import type { Page } from './client';

export type HoursSummary = Schemas['HoursSummaryDto'];

export type CreditEntry = Schemas['CreditEntryDto'];

export type ComplianceState = Schemas['ComplianceStatusDto']['state'];

export type ComplianceStatus = Schemas['ComplianceStatusDto'];

export type ComplianceRow = Schemas['TraineeComplianceRowDto'];

export type Rule = Schemas['RuleViewDto'];

export type RuleSet = Schemas['RuleSetViewDto'];

export type Certificate = Schemas['CertificateDto'];

export type Notification = Schemas['NotificationDto'];

export type Region = Schemas['RegionNodeDto'];

export type Enterprise = Schemas['EnterpriseDto'];

export type UserRow = Schemas['UserDto'];

export type { Page };

/** GET /me/credit-hours/outlook: per requirement, the server's figures for the way out of a gap. */
export type RequirementOutlook = Schemas['RequirementOutlookDto'];

export type HoursOutlook = Schemas['HoursOutlookDto'];
