import type { FieldIssue } from '@cqo/core';
import type { CourseKind, DeliveryMode } from './entities/course-version.entity';
import type { LessonType } from './entities/lesson.entity';

/** A lesson as an org admin writes it. Times are ISO 8601 strings. */
export interface LessonInput {
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  contentUrl?: string | null;
  /** An uploaded file of the organization (video for a video lesson, PDF for a document). */
  contentFileId?: string | null;
  /** An imported content package of the organization (cmi5 lessons only). */
  contentPackageId?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  venue?: string | null;
}

/** The content of a course version as an org admin writes it. */
export interface CourseContentInput {
  title: string;
  description: string;
  category: number;
  topicCodes: string[];
  kind: CourseKind;
  /** Decimal hours as text in steps of 0.5, e.g. "2.5". */
  creditHours: string;
  deliveryMode: DeliveryMode;
  capacity?: number | null;
  enrollmentOpensAt?: string | null;
  enrollmentClosesAt?: string | null;
  /** Share of declared minutes needed to complete a lesson, e.g. "0.90"; defaults to 0.90. */
  completionShare?: string | null;
  finalExamPaperId?: string | null;
  /** Attention checks (弹题) while studying; null or absent: none. */
  attentionChecks?: AttentionCheckSettings | null;
  lessons: LessonInput[];
}

/** How often attention checks appear: after a random number of studied minutes in [minMinutes, maxMinutes]. */
export interface AttentionCheckSettings {
  minMinutes: number;
  maxMinutes: number;
  /** Seconds to answer before the check counts as failed (default 60); crediting waits for the answer. */
  timeoutSeconds?: number;
  /** Draw a single-choice or true/false question from the organization's question bank. */
  fromBank?: boolean;
}

export const DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS = 60;

export interface NormalizedLesson {
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  contentUrl: string | null;
  contentFileId: string | null;
  contentPackageId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string | null;
}

export interface NormalizedContent {
  title: string;
  description: string;
  category: 1 | 2;
  topicIds: string[];
  kind: CourseKind;
  creditHours: string;
  deliveryMode: DeliveryMode;
  capacity: number | null;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  completionShare: string;
  finalExamPaperId: string | null;
  attentionChecks: Required<AttentionCheckSettings> | null;
  lessons: NormalizedLesson[];
}

export interface TopicRef {
  id: string;
  code: string;
  category: number;
}

export const DEFAULT_COMPLETION_SHARE = '0.90';
const MAX_CREDIT_HOURS = 200;
const HOURS = /^\d{1,3}(\.[05]0*)?$/;
const SHARE = /^(0(\.\d{1,2})?|1(\.0{1,2})?)$/;

/** "2.50" → "2.5", "3" → "3.0": the form numeric(5,1) returns, so comparisons are textual. */
export function normalizeHours(value: string): string {
  const [whole, fraction = '0'] = value.split('.');
  return `${Number(whole)}.${fraction[0] ?? '0'}`;
}

function parseTime(value: string | null | undefined, field: string, issues: FieldIssue[]): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    issues.push({ field, message: '必须是 ISO 8601 日期时间' });
    return null;
  }
  return at;
}

/**
 * Checks a course version's content against the rules of DOMAIN.md and returns it normalized,
 * or the list of offending fields. Pure: the topics are passed in.
 */
export function validateCourseContent(
  input: CourseContentInput,
  topics: readonly TopicRef[],
): { content?: NormalizedContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const category = input.category;
  if (category !== 1 && category !== 2) issues.push({ field: 'category', message: '必须是 1（第一类）或 2（第二类）' });
  // DOMAIN.md: category 2 (methods and tools) courses are always continuing.
  if (category === 2 && input.kind !== 'continuing') issues.push({ field: 'kind', message: '第二类课程只能是继续教育（continuing）' });

  const byCode = new Map(topics.map((t) => [t.code, t]));
  const topicIds: string[] = [];
  if (!input.topicCodes.length) issues.push({ field: 'topicCodes', message: '至少选择一个专题' });
  input.topicCodes.forEach((code, i) => {
    const topic = byCode.get(code);
    if (!topic) issues.push({ field: `topicCodes[${i}]`, message: '专题不存在' });
    else if (topic.category !== category) issues.push({ field: `topicCodes[${i}]`, message: '专题不属于该课程类别' });
    else if (topicIds.includes(topic.id)) issues.push({ field: `topicCodes[${i}]`, message: '专题重复' });
    else topicIds.push(topic.id);
  });

  const hoursText = String(input.creditHours ?? '').trim();
  if (!HOURS.test(hoursText) || Number(hoursText) <= 0 || Number(hoursText) > MAX_CREDIT_HOURS) {
    issues.push({ field: 'creditHours', message: `学时必须大于 0、不超过 ${MAX_CREDIT_HOURS}，以 0.5 为单位` });
  }
  const shareText = input.completionShare ?? DEFAULT_COMPLETION_SHARE;
  if (!SHARE.test(shareText) || Number(shareText) <= 0)
    issues.push({ field: 'completionShare', message: '必须大于 0 且不超过 1（最多两位小数）' });

  const opens = parseTime(input.enrollmentOpensAt, 'enrollmentOpensAt', issues);
  const closes = parseTime(input.enrollmentClosesAt, 'enrollmentClosesAt', issues);
  if (opens && closes && closes <= opens) issues.push({ field: 'enrollmentClosesAt', message: '报名截止时间必须晚于开始时间' });
  const capacity = input.capacity ?? null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) issues.push({ field: 'capacity', message: '名额必须是正整数' });

  const attentionChecks = normalizeAttentionChecks(input.attentionChecks, issues);

  if (!input.lessons.length) issues.push({ field: 'lessons', message: '至少需要一个课时' });
  else if (!input.lessons.some((l) => l.required)) issues.push({ field: 'lessons', message: '至少需要一个必修课时' });
  const lessons: NormalizedLesson[] = input.lessons.map((l, i) => {
    const at = (name: string) => `lessons[${i}].${name}`;
    const live = l.type === 'live_session';
    const startsAt = parseTime(l.startsAt, at('startsAt'), issues);
    const endsAt = parseTime(l.endsAt, at('endsAt'), issues);
    if (!Number.isInteger(l.minutes) || l.minutes < 1) issues.push({ field: at('minutes'), message: '时长必须是正整数（分钟）' });
    if (live) {
      if (!startsAt) issues.push({ field: at('startsAt'), message: '面授课时必须有开始时间' });
      if (!endsAt) issues.push({ field: at('endsAt'), message: '面授课时必须有结束时间' });
      if (startsAt && endsAt && endsAt <= startsAt) issues.push({ field: at('endsAt'), message: '结束时间必须晚于开始时间' });
      if (!l.venue?.trim()) issues.push({ field: at('venue'), message: '面授课时必须有地点' });
      if (l.contentFileId) issues.push({ field: at('contentFileId'), message: '面授课时不能上传视频或讲义' });
    } else if (l.startsAt || l.endsAt || l.venue) {
      issues.push({ field: at(l.venue ? 'venue' : 'startsAt'), message: '只有面授课时有时间和地点' });
    }
    const packaged = l.type === 'cmi5' || l.type === 'scorm';
    if (l.contentPackageId && !packaged) issues.push({ field: at('contentPackageId'), message: '只有 cmi5 和 SCORM 课时使用课件包' });
    if (packaged && l.contentFileId)
      issues.push({
        field: at('contentFileId'),
        message: `${l.type === 'cmi5' ? 'cmi5' : 'SCORM'} 课时使用课件包（contentPackageId），不用视频或讲义文件`,
      });
    if (input.deliveryMode === 'online' && live) issues.push({ field: at('type'), message: '线上课程不能有面授课时' });
    if (input.deliveryMode === 'in_person' && !live) issues.push({ field: at('type'), message: '面授课程只能有面授课时' });
    return {
      position: i + 1,
      title: l.title.trim(),
      type: l.type,
      minutes: l.minutes,
      required: l.required,
      contentUrl: l.contentUrl?.trim() || null,
      contentFileId: l.contentFileId ?? null,
      contentPackageId: l.contentPackageId ?? null,
      startsAt,
      endsAt,
      venue: l.venue?.trim() || null,
    };
  });
  if (input.deliveryMode === 'blended' && input.lessons.length) {
    const live = input.lessons.filter((l) => l.type === 'live_session').length;
    if (live === 0 || live === input.lessons.length)
      issues.push({ field: 'lessons', message: '线上线下混合课程须同时有线上课时和面授课时' });
  }
  if (issues.length) return { issues };
  return {
    issues,
    content: {
      title: input.title.trim(),
      description: input.description.trim(),
      category: category as 1 | 2,
      topicIds,
      kind: input.kind,
      creditHours: normalizeHours(hoursText),
      deliveryMode: input.deliveryMode,
      capacity,
      enrollmentOpensAt: opens,
      enrollmentClosesAt: closes,
      completionShare: Number(shareText).toFixed(2),
      finalExamPaperId: input.finalExamPaperId ?? null,
      attentionChecks,
      lessons,
    },
  };
}

function normalizeAttentionChecks(
  input: AttentionCheckSettings | null | undefined,
  issues: FieldIssue[],
): Required<AttentionCheckSettings> | null {
  if (!input) return null;
  const { minMinutes, maxMinutes } = input;
  const timeoutSeconds = input.timeoutSeconds ?? DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS;
  if (!Number.isInteger(minMinutes) || minMinutes < 1 || minMinutes > 600) {
    issues.push({ field: 'attentionChecks.minMinutes', message: '必须是 1–600 的整数（分钟）' });
  }
  if (!Number.isInteger(maxMinutes) || maxMinutes < minMinutes || maxMinutes > 600) {
    issues.push({ field: 'attentionChecks.maxMinutes', message: '必须是整数，且不小于最短间隔、不超过 600 分钟' });
  }
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 10 || timeoutSeconds > 600) {
    issues.push({ field: 'attentionChecks.timeoutSeconds', message: '必须是 10–600 的整数（秒）' });
  }
  return { minMinutes, maxMinutes, timeoutSeconds, fromBank: input.fromBank ?? false };
}

/** What the course check needs to know of an uploaded file. */
export interface LessonFileFacts {
  id: string;
  organization_id: string;
  kind: 'video' | 'document';
  duration_seconds: number | null;
}

/**
 * A lesson's file must be the organization's own, of the lesson's kind (video or PDF); a video
 * lesson declares exactly the video's real length in whole minutes (issue 15: the required time
 * of a video is its real duration, neither more nor a convenient less).
 */
export function checkLessonFiles(
  lessons: readonly NormalizedLesson[],
  files: readonly LessonFileFacts[],
  organizationId: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(files.map((f) => [f.id, f]));
  lessons.forEach((l, i) => {
    if (!l.contentFileId) return;
    const field = `lessons[${i}].contentFileId`;
    const file = byId.get(l.contentFileId);
    if (!file || file.organization_id !== organizationId) issues.push({ field, message: '文件不存在或不属于本机构' });
    else if (file.kind !== l.type)
      issues.push({ field, message: l.type === 'video' ? '视频课时只能使用视频文件' : '讲义课时只能使用 PDF 文件' });
    else if (file.kind === 'video' && file.duration_seconds !== null && l.minutes !== wholeMinutes(file.duration_seconds)) {
      issues.push({ field: `lessons[${i}].minutes`, message: `必须等于视频实际时长（${wholeMinutes(file.duration_seconds)} 分钟）` });
    }
  });
  return issues;
}

/** Whole minutes of a video's real duration (at least 1): the most a lesson on it may declare. */
export function wholeMinutes(durationSeconds: number): number {
  return Math.max(1, Math.floor(Math.round(durationSeconds) / 60));
}

/** Seconds of server-observed time that complete a lesson: ⌈share × minutes × 60⌉. */
export function requiredSecondsOf(minutes: number, completionShare: string): number {
  // Integer arithmetic on hundredths, so 0.9 × 60 is exactly 54.
  const hundredths = Math.round(Number(completionShare) * 100);
  return Math.ceil((minutes * 60 * hundredths) / 100);
}

/** Fields that may change on an approved or published version without a new version (they are not reviewed content). */
export const OPERATIONAL_FIELDS = ['capacity', 'enrollmentOpensAt', 'enrollmentClosesAt'] as const;

/**
 * 学时 has a length (minutes per 学时, rule-set data, default 45): a course's required lessons
 * must add up to at least its declared hours × that length. Returns the minutes missing (0 when
 * they add up). Hours are decimal text in steps of 0.5, so tenths keep the arithmetic exact.
 */
export function creditHourMinutesShortfall(
  creditHours: string,
  minutesPerCreditHour: number,
  requiredLessonMinutes: number,
): { requiredMinutes: number; missing: number } {
  const tenths = Math.round(Number(creditHours) * 10);
  const requiredMinutes = Math.ceil((tenths * minutesPerCreditHour) / 10);
  return { requiredMinutes, missing: Math.max(0, requiredMinutes - requiredLessonMinutes) };
}
