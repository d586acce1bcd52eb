// The API's response shapes as the web app reads them (dates arrive as ISO strings).
import type { components } from './schema';

type Schemas = components['schemas'];

export type Role = 'trainee' | 'org_admin' | 'enterprise_admin' | 'regulator' | 'platform_admin';

export type Me = Schemas['MeDto'];

export type NotificationSettings = Schemas['NotificationSettingsDto'];

export type DeadLetter = Schemas['DeadLetterDto'];

export type CaughtMailSummary = Schemas['CaughtMailSummaryDto'];

export type CaughtMail = Schemas['CaughtMailDto'];

export type IdNumberCollision = Schemas['IdNumberCollisionDto'];

export type Topic = Schemas['TopicDto'];

export type CourseStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published' | 'archived';
export type CourseKind = 'appointment' | 'continuing';
export type DeliveryMode = 'online' | 'in_person' | 'blended';
export type LessonType = 'video' | 'document' | 'live_session' | 'cmi5' | 'scorm';

/** POST /me/enrollments/:id/lessons/:lessonId/scorm-launch */
export type ScormLaunch = Schemas['ScormLaunchViewDto'];
/** POST /course-versions/:versionId/lessons/:lessonId/preview */
export type LessonPreview = Schemas['LessonPreviewViewDto'];

/** POST /me/enrollments/:id/lessons/:lessonId/cmi5-launch */
export type Cmi5Launch = Schemas['Cmi5LaunchViewDto'];

export interface Lesson {
  id: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  contentUrl: string | null;
  content: LessonContent | null;
  /** cmi5 and SCORM lessons: the imported package (POST /content-packages). */
  contentPackageId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  venue: string | null;
}

/** POST /content-packages: a cmi5 or SCORM package imported into the organization's library. */
export interface ContentPackage {
  id: string;
  originalName: string;
  standard: 'cmi5' | 'scorm12' | 'scorm2004';
  title: string;
  course?: { id: string; title: string; aus: { id: string; title: string }[] };
  scos?: { id: string; title: string; href: string }[];
  fileCount: number;
  sizeBytes: number;
}

/** An uploaded lesson file (video or PDF). */
export interface LessonContent {
  id: string;
  kind: 'video' | 'document';
  mimeType: string;
  sizeBytes: number;
  durationSeconds: number | null;
  originalName: string;
}

export interface CourseSummary {
  id: string;
  courseId: string;
  organizationId: string;
  organizationName: string;
  version: number;
  status: CourseStatus;
  title: string;
  description: string;
  category: number;
  kind: CourseKind;
  creditHours: string;
  deliveryMode: DeliveryMode;
  topics: Topic[];
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  enrollmentOpensAt: string | null;
  enrollmentClosesAt: string | null;
  enrollmentOpen: boolean;
  completionShare: string;
  finalExamPaperId: string | null;
  /** Attention checks (弹题) while studying: a random interval in minutes, the time to answer, questions from the bank or a confirmation. */
  attentionChecks: { minMinutes: number; maxMinutes: number; timeoutSeconds: number; fromBank: boolean } | null;
  approvalNumber: string | null;
  reviewNote: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

export interface CourseVersion extends CourseSummary {
  lessons: Lesson[];
}

export type EnrollmentStatus = 'enrolled' | 'withdrawn' | 'completed';

export interface Enrollment {
  id: string;
  traineeId: string;
  courseId: string;
  courseVersionId: string;
  version: number;
  title: string;
  organizationName: string;
  category: number;
  kind: CourseKind;
  creditHours: string;
  deliveryMode: DeliveryMode;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedAt: string | null;
  finalExamPaperId: string | null;
  finalExamPassedAt: string | null;
  requiredLessons: number;
  completedRequiredLessons: number;
}

export interface LessonProgress {
  lessonId: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  activeSeconds: number;
  requiredSeconds: number;
  completedAt: string | null;
  completedVia: string | null;
  attendance: { signedInAt: string; signedOutAt: string } | null;
}

export interface EnrollmentDetail extends Enrollment {
  lessons: LessonProgress[];
}

export interface RosterEntry {
  enrollmentId: string;
  traineeId: string;
  username: string;
  fullName: string | null;
  idNumberMasked: string | null;
  enterpriseName: string | null;
  status: EnrollmentStatus;
  source: 'self' | 'roster';
  enrolledAt: string;
  completedAt: string | null;
  finalExamPassedAt: string | null;
  requiredLessons: number;
  completedRequiredLessons: number;
}

export interface RowReport {
  mode: string;
  applied: boolean;
  summary: Record<string, number>;
  rows: {
    row: number;
    status: string;
    traineeName?: string | null;
    idNumberMasked?: string | null;
    errors: { field: string; message: string }[];
  }[];
}

export interface AttentionCheck {
  id: string;
  kind: 'confirm' | 'question';
  prompt: string;
  /** A bank question's options (the answer is an option id); none for a confirmation. */
  options: { id: string; text: string }[];
  issuedAt: string;
  dueAt: string;
}

export interface StudySession {
  sessionId: string;
  heartbeatIntervalSeconds: number;
  maxCreditSeconds: number;
  activeSeconds: number;
  requiredSeconds: number;
  lessonCompleted: boolean;
  content: { kind: 'video' | 'document'; mimeType: string; durationSeconds: number | null; url: string } | null;
  resumePosition: number;
  furthestPosition: number;
  idleAfterSeconds: number;
  supersededOther: boolean;
  attentionCheck: AttentionCheck | null;
}

export interface HeartbeatResult {
  creditedSeconds: number;
  verdict: 'ok' | 'paused' | 'ahead' | 'rate' | 'idle' | 'hidden' | 'check' | 'complete';
  activeSeconds: number;
  requiredSeconds: number;
  furthestPosition: number;
  lessonCompleted: boolean;
  courseCompleted: boolean;
  attentionCheck: AttentionCheck | null;
  contentUrl: string | null;
}

export type QuestionType = 'single' | 'multiple' | 'true_false';

export interface TraineePaper {
  id: string;
  kind: 'course_exam' | 'capability_test';
  title: string;
  description: string | null;
  questionCount: number;
  maxScore: number;
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts: number | null;
  attemptsUsed: number;
  cooldownMinutes: number;
  nextAttemptAt: string | null;
  openAttemptId: string | null;
  passed: boolean;
}

export interface AttemptResult {
  score: number;
  maxScore: number;
  percent: string;
  passed: boolean;
  passMarkPercent: number;
}

export interface Attempt {
  id: string;
  paperId: string;
  paperTitle: string;
  attemptNo: number;
  status: 'open' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  acceptsAnswersUntil: string;
  submittedAt: string | null;
  submission: 'trainee' | 'deadline' | null;
  questionCount: number;
  items: {
    position: number;
    type: QuestionType;
    stem: string;
    points: number;
    options: { id: string; text: string }[];
    selectedOptionIds: string[];
  }[];
  result: AttemptResult | null;
  review: { position: number; correctOptionIds: string[]; correct: boolean; explanation: string | null }[] | null;
}

export interface AttemptSummary {
  id: string;
  paperId: string;
  paperTitle: string;
  attemptNo: number;
  status: 'open' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  result: AttemptResult | null;
}

export interface Question {
  id: string;
  version: number;
  type: QuestionType;
  stem: string;
  options: { id: string; text: string; correct: boolean }[];
  category: number;
  topics: string[];
  difficulty: number;
  explanation: string | null;
  archived: boolean;
  updatedAt: string;
}

export interface Paper {
  id: string;
  kind: 'course_exam' | 'capability_test';
  title: string;
  description: string | null;
  status: 'draft' | 'published' | 'archived';
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts: number | null;
  questionCount: number;
  maxScore: number;
  drawRules: { count: number; category: number | null; topic: string | null; points: number }[];
  publishedAt: string | null;
}

export interface PaperResultRow {
  attemptId: string;
  traineeName: string;
  idNumberMasked: string | null;
  enterpriseName: string | null;
  attemptNo: number;
  status: 'open' | 'submitted';
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  percent: string | null;
  passed: boolean | null;
}

export interface PaperResults extends Page<PaperResultRow> {
  summary: { attempts: number; graded: number; passed: number; meanPercent: string | null };
}

export interface ItemStatistics {
  paperId: string;
  gradedAttempts: number;
  method: string;
  items: {
    questionId: string;
    version: number;
    type: QuestionType;
    stem: string;
    attempts: number;
    difficulty: number;
    discrimination: number | null;
    pointBiserial: number | null;
  }[];
}

import type { Page } from './client';

export type CreditKind = 'appointment' | 'continuing';

export type HoursSummary = Schemas['HoursSummaryDto'];

export type CreditEntry = Schemas['CreditEntryDto'];

export type ComplianceState = 'not_applicable' | 'on_track' | 'at_risk' | 'complete' | 'shortfall';

export type ComplianceStatus = Schemas['ComplianceStatusDto'];

export type ComplianceRow = Schemas['TraineeComplianceRowDto'];

export type Rule = Schemas['RuleViewDto'];

export type RuleSet = Schemas['RuleSetViewDto'];

export type Certificate = Schemas['CertificateDto'];

export type PublicVerification = Schemas['PublicVerificationDto'];

export type Notification = Schemas['NotificationDto'];

export type Region = Schemas['RegionNodeDto'];

export type Enterprise = Schemas['EnterpriseDto'];

export type UserRow = Schemas['UserDto'];

export type { Page };

/** GET /me/credit-hours/outlook: per requirement, the server's figures for the way out of a gap. */
export type RequirementOutlook = Schemas['RequirementOutlookDto'];

export type HoursOutlook = Schemas['HoursOutlookDto'];
