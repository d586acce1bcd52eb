import { ApiProperty } from '@nestjs/swagger';
import type {
  AttendanceReport,
  AttendanceRowResult,
  AttendanceView,
  AttentionAnswerResult,
  AttentionCheckOption,
  AttentionCheckView,
  BeatVerdict,
  CompletionSource,
  CourseKind,
  DeliveryMode,
  EnrollmentDetailView,
  EnrollmentSource,
  EnrollmentStatus,
  EnrollmentView,
  HeartbeatResult,
  LessonEvidenceView,
  LessonProgressView,
  LessonType,
  RosterEntryView,
  RosterMode,
  RosterReport,
  RosterRowResult,
  RosterRowStatus,
  StaffEnrollmentView,
  StudyContentView,
  StudySessionView,
} from '@cqo/courses';
import { COURSE_KINDS, DELIVERY_MODES, LESSON_TYPES, ROSTER_MODES } from '@cqo/courses';
import { FieldIssueDto } from '../common/error-body';
import { PageDtoOf } from '../common/page.dto';

const ENROLLMENT_STATUSES: EnrollmentStatus[] = ['enrolled', 'withdrawn', 'completed'];
const ENROLLMENT_SOURCES: EnrollmentSource[] = ['self', 'roster', 'enterprise'];
const COMPLETION_SOURCES: CompletionSource[] = ['heartbeat', 'xapi', 'attendance', 'scorm'];
const BEAT_VERDICTS: BeatVerdict[] = ['ok', 'paused', 'ahead', 'rate', 'idle', 'hidden', 'check', 'complete'];

// ---------------------------------------------------------------- enrolments

/** An enrolment as its trainee (or staff overseeing the course) sees it. */
export class EnrollmentDto implements EnrollmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) courseVersionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: [1, 2] }) category!: number;
  @ApiProperty({ enum: COURSE_KINDS }) kind!: CourseKind;
  @ApiProperty({ example: '8.0' }) creditHours!: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode!: DeliveryMode;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: EnrollmentStatus;
  @ApiProperty({ enum: ENROLLMENT_SOURCES }) source!: EnrollmentSource;
  @ApiProperty() enrolledAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) withdrawnAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) finalExamPaperId!: string | null;
  @ApiProperty({ nullable: true, type: Date }) finalExamPassedAt!: Date | null;
  @ApiProperty() requiredLessons!: number;
  @ApiProperty() completedRequiredLessons!: number;
}

export class EnrollmentPageDto extends PageDtoOf(EnrollmentDto) {}

export class AttendanceSpanDto {
  @ApiProperty() signedInAt!: Date;
  @ApiProperty() signedOutAt!: Date;
}

export class LessonProgressDto implements LessonProgressView {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LESSON_TYPES }) type!: LessonType;
  @ApiProperty() minutes!: number;
  @ApiProperty() required!: boolean;
  @ApiProperty() activeSeconds!: number;
  @ApiProperty() requiredSeconds!: number;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, enum: COMPLETION_SOURCES, type: String }) completedVia!: CompletionSource | null;
  @ApiProperty({ nullable: true, type: AttendanceSpanDto }) attendance!: AttendanceSpanDto | null;
}

/** One enrolment with per-lesson progress. */
export class EnrollmentDetailDto extends EnrollmentDto implements EnrollmentDetailView {
  @ApiProperty({ type: [LessonProgressDto] }) lessons!: LessonProgressDto[];
}

/** A row of a course's roster, for staff: the trainee's ID number only masked. */
export class RosterEntryDto implements RosterEntryView {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ nullable: true, type: String }) fullName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '620102********1234' }) idNumberMasked!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: EnrollmentStatus;
  @ApiProperty({ enum: ENROLLMENT_SOURCES }) source!: EnrollmentSource;
  @ApiProperty() enrolledAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finalExamPassedAt!: Date | null;
  @ApiProperty() requiredLessons!: number;
  @ApiProperty() completedRequiredLessons!: number;
}

export class RosterEntryPageDto extends PageDtoOf(RosterEntryDto) {}

export class RosterRowResultDto implements RosterRowResult {
  @ApiProperty({ description: 'Line in the file; the header is line 1' }) row!: number;
  @ApiProperty({ enum: ['enrolled', 'already_enrolled', 'error', 'not_applied'] }) status!: RosterRowStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) traineeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) traineeName!: string | null;
  @ApiProperty({ nullable: true, type: String }) idNumberMasked!: string | null;
  @ApiProperty({ type: [FieldIssueDto] }) errors!: FieldIssueDto[];
}

export class RosterSummaryDto {
  @ApiProperty() rows!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() alreadyEnrolled!: number;
  @ApiProperty() errors!: number;
  @ApiProperty() notApplied!: number;
}

/** The report of a roster import, row by row. */
export class RosterReportDto implements RosterReport {
  @ApiProperty({ enum: ROSTER_MODES }) mode!: RosterMode;
  @ApiProperty({ description: 'Whether anything was written' }) applied!: boolean;
  @ApiProperty({ type: RosterSummaryDto }) summary!: RosterSummaryDto;
  @ApiProperty({ type: [RosterRowResultDto] }) rows!: RosterRowResultDto[];
}

/** A confirmed employee's enrolment, for the enterprise's progress view. */
export class StaffEnrollmentDto implements StaffEnrollmentView {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) courseVersionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: [1, 2] }) category!: number;
  @ApiProperty({ enum: COURSE_KINDS }) kind!: CourseKind;
  @ApiProperty({ example: '8.0' }) creditHours!: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: EnrollmentStatus;
  @ApiProperty({ enum: ENROLLMENT_SOURCES }) source!: string;
  @ApiProperty() enrolledAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty() requiredLessons!: number;
  @ApiProperty() completedRequiredLessons!: number;
}

// ---------------------------------------------------------------- study sessions

export class StudyContentDto implements StudyContentView {
  @ApiProperty({ enum: ['video', 'document'] }) kind!: 'video' | 'document';
  @ApiProperty() mimeType!: string;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
  @ApiProperty({ description: 'Signed, short-lived, same origin; every heartbeat brings a fresh one' }) url!: string;
}

export class AttentionCheckOptionDto implements AttentionCheckOption {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

/** An open attention check (弹题) as the trainee sees it (never the answer). */
export class AttentionCheckDto implements AttentionCheckView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['confirm', 'question'] }) kind!: 'confirm' | 'question';
  @ApiProperty() prompt!: string;
  @ApiProperty({ type: [AttentionCheckOptionDto], description: "A bank question's options; empty for a confirmation" })
  options!: AttentionCheckOptionDto[];
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() dueAt!: Date;
}

export class StudySessionDto implements StudySessionView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() heartbeatIntervalSeconds!: number;
  @ApiProperty() maxCreditSeconds!: number;
  @ApiProperty() activeSeconds!: number;
  @ApiProperty() requiredSeconds!: number;
  @ApiProperty() lessonCompleted!: boolean;
  @ApiProperty({ nullable: true, type: StudyContentDto }) content!: StudyContentDto | null;
  @ApiProperty({ description: 'Where playback stopped last time' }) resumePosition!: number;
  @ApiProperty({ description: 'The furthest point watched (seeking beyond it is snapped back)' }) furthestPosition!: number;
  @ApiProperty({ description: 'Seconds without input, in a hidden or background page, after which nothing is credited' })
  idleAfterSeconds!: number;
  @ApiProperty({ description: 'True when opening this session ended one in another tab or device' }) supersededOther!: boolean;
  @ApiProperty({ nullable: true, type: AttentionCheckDto }) attentionCheck!: AttentionCheckDto | null;
}

export class HeartbeatResultDto implements HeartbeatResult {
  @ApiProperty({ description: 'Seconds this heartbeat added' }) creditedSeconds!: number;
  @ApiProperty({ enum: BEAT_VERDICTS, description: "Why nothing was credited ('ok' when something was)" }) verdict!: BeatVerdict;
  @ApiProperty() activeSeconds!: number;
  @ApiProperty() requiredSeconds!: number;
  @ApiProperty() furthestPosition!: number;
  @ApiProperty() lessonCompleted!: boolean;
  @ApiProperty({ description: 'True only on the heartbeat that completed the course' }) courseCompleted!: boolean;
  @ApiProperty({ nullable: true, type: AttentionCheckDto }) attentionCheck!: AttentionCheckDto | null;
  @ApiProperty({ nullable: true, type: String, description: "A fresh signed URL of the lesson's file, when it has one" })
  contentUrl!: string | null;
}

export class AttentionAnswerResultDto implements AttentionAnswerResult {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ enum: ['ok', 'late', 'wrong'] }) reason!: 'ok' | 'late' | 'wrong';
}

export class EvidenceCheckDto {
  @ApiProperty() issuedAt!: Date;
  @ApiProperty() dueAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) answeredAt!: Date | null;
  @ApiProperty({ example: 'confirm' }) kind!: string;
  @ApiProperty({ required: false, nullable: true, type: String, format: 'uuid', description: 'Staff only' }) questionId?: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'An option id' }) answer!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed!: boolean | null;
}

export class EvidenceSessionDto {
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) endedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) endedReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) device!: string | null;
  @ApiProperty() creditedSeconds!: number;
  @ApiProperty() beats!: number;
  @ApiProperty() uncreditedBeats!: number;
}

/** How a lesson's time was earned: watched intervals, attention checks, sessions and devices. */
export class LessonEvidenceDto implements LessonEvidenceView {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() activeSeconds!: number;
  @ApiProperty() requiredSeconds!: number;
  @ApiProperty() furthestPosition!: number;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) completedVia!: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    description: 'Playback reported, merged over all sessions: [from, to] seconds',
  })
  watchedIntervals!: [number, number][];
  @ApiProperty({ type: [EvidenceCheckDto] }) checks!: EvidenceCheckDto[];
  @ApiProperty() checksPassed!: number;
  @ApiProperty() checksFailed!: number;
  @ApiProperty({ type: [EvidenceSessionDto] }) sessions!: EvidenceSessionDto[];
}

// ---------------------------------------------------------------- attendance

export class AttendanceRecordDto implements AttendanceView {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() signedInAt!: Date;
  @ApiProperty() signedOutAt!: Date;
  @ApiProperty() attendedSeconds!: number;
  @ApiProperty() requiredSeconds!: number;
  @ApiProperty() lessonCompleted!: boolean;
  @ApiProperty() courseCompleted!: boolean;
}

export class AttendanceRowResultDto implements AttendanceRowResult {
  @ApiProperty() row!: number;
  @ApiProperty({ enum: ['recorded', 'error', 'not_applied'] }) status!: 'recorded' | 'error' | 'not_applied';
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) traineeId!: string | null;
  @ApiProperty() lessonCompleted!: boolean;
  @ApiProperty({ type: [FieldIssueDto] }) errors!: FieldIssueDto[];
}

export class AttendanceSummaryDto {
  @ApiProperty() rows!: number;
  @ApiProperty() recorded!: number;
  @ApiProperty() errors!: number;
  @ApiProperty() notApplied!: number;
}

export class AttendanceReportDto implements AttendanceReport {
  @ApiProperty({ enum: ROSTER_MODES }) mode!: RosterMode;
  @ApiProperty() applied!: boolean;
  @ApiProperty({ type: AttendanceSummaryDto }) summary!: AttendanceSummaryDto;
  @ApiProperty({ type: [AttendanceRowResultDto] }) rows!: AttendanceRowResultDto[];
}
