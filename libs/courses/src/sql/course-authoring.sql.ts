import { defineQuery } from '@cqo/core';
import { PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import type { CourseKind, DeliveryMode } from '../entities/course-version.entity';
import type { LessonFileFacts, TopicRef } from '../course-rules';

// SQL writing courses and their versions (CoursesService): content, lessons, topics and the
// review lifecycle. Tables: courses, course_versions, course_version_topics, topics, lessons,
// content_files, content_packages (courses); training organizations' region through
// organizations' public view, and credit-hours' public SQL function `credit_hour_minutes`.

export const insertCourse = defineQuery<[organizationId: string, createdAt: Date], { id: string }>(
  'courses.authoring.insertCourse',
  'INSERT INTO courses (organization_id, created_at) VALUES ($1, $2) RETURNING id',
);

export const lockCourse = defineQuery<[courseId: string], { organization_id: string }>(
  'courses.authoring.lockCourse',
  'SELECT organization_id FROM courses WHERE id = $1 FOR UPDATE',
);

/** A version of the course still being written or reviewed, if any. */
export const workingVersionOfCourse = defineQuery<[courseId: string], { found: number }>(
  'courses.authoring.workingVersion',
  `SELECT 1 AS found FROM course_versions WHERE course_id = $1 AND status IN ('draft', 'submitted', 'returned', 'approved')`,
);

export const submitVersion = defineQuery<[versionId: string, at: Date]>(
  'courses.authoring.submit',
  `UPDATE course_versions SET status = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1`,
);

export const approveVersion = defineQuery<[versionId: string, approvalNumber: string, reviewerId: string, at: Date]>(
  'courses.authoring.approve',
  `UPDATE course_versions SET status = 'approved', approval_number = $2, review_note = NULL, reviewed_by = $3, reviewed_at = $4, updated_at = $4 WHERE id = $1`,
);

export const returnVersion = defineQuery<[versionId: string, reason: string, reviewerId: string, at: Date]>(
  'courses.authoring.return',
  `UPDATE course_versions SET status = 'returned', review_note = $2, reviewed_by = $3, reviewed_at = $4, updated_at = $4 WHERE id = $1`,
);

/** Archives the course's published version, the one a newly published version replaces. */
export const archivePublishedOfCourse = defineQuery<[courseId: string, at: Date]>(
  'courses.authoring.archivePublishedOfCourse',
  `UPDATE course_versions SET status = 'archived', archived_at = $2, updated_at = $2 WHERE course_id = $1 AND status = 'published'`,
);

export const publishVersion = defineQuery<[versionId: string, at: Date]>(
  'courses.authoring.publish',
  `UPDATE course_versions SET status = 'published', published_at = $2, updated_at = $2 WHERE id = $1`,
);

export const archiveVersion = defineQuery<[versionId: string, at: Date]>(
  'courses.authoring.archive',
  `UPDATE course_versions SET status = 'archived', archived_at = $2, updated_at = $2 WHERE id = $1`,
);

/**
 * A version's declared hours, its required lessons' minutes, and the minutes per 学时 of the rule
 * set governing its organization's region in the year.
 */
export const hoursAndLessonMinutes = defineQuery<
  [versionId: string, year: number],
  { credit_hours: string; lesson_minutes: number; minutes_per_hour: number }
>(
  'courses.authoring.hoursAndLessonMinutes',
  `SELECT v.credit_hours::text,
              (SELECT COALESCE(sum(l.minutes), 0)::int FROM lessons l WHERE l.course_version_id = v.id AND l.required) AS lesson_minutes,
              credit_hour_minutes(o.region_id, $2::int) AS minutes_per_hour
         FROM course_versions v JOIN ${PUBLIC_TRAINING_ORGANIZATIONS} o ON o.id = v.organization_id
        WHERE v.id = $1`,
);

export const topicRefs = defineQuery<[], TopicRef>('courses.authoring.topicRefs', 'SELECT id, code, category FROM topics');

export const lessonFileFacts = defineQuery<[fileIds: string[]], LessonFileFacts>(
  'courses.authoring.lessonFileFacts',
  'SELECT id, organization_id, kind, duration_seconds FROM content_files WHERE id = ANY($1::uuid[])',
);

export const lessonPackageFacts = defineQuery<[packageIds: string[]], { id: string; organization_id: string; standard: string }>(
  'courses.authoring.lessonPackageFacts',
  'SELECT id, organization_id, standard FROM content_packages WHERE id = ANY($1::uuid[])',
);

export const topicCodesOfVersion = defineQuery<[versionId: string], { code: string }>(
  'courses.authoring.topicCodesOfVersion',
  `SELECT t.code FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = $1 ORDER BY t.sort_order`,
);

/** The content columns of course_versions, in the order {@link insertVersion} and {@link updateContent} take them. */
export type VersionContentParams = [
  title: string,
  description: string,
  category: number,
  kind: CourseKind,
  creditHours: string,
  deliveryMode: DeliveryMode,
  capacity: number | null,
  enrollmentOpensAt: Date | null,
  enrollmentClosesAt: Date | null,
  completionShare: string,
  finalExamPaperId: string | null,
  at: Date,
  attentionCheckMinMinutes: number | null,
  attentionCheckMaxMinutes: number | null,
  attentionCheckTimeoutSeconds: number,
  attentionCheckFromBank: boolean,
];

export const insertVersion = defineQuery<
  [courseId: string, organizationId: string, version: number, ...VersionContentParams],
  { id: string }
>(
  'courses.authoring.insertVersion',
  `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours,
           delivery_mode, capacity, enrollment_opens_at, enrollment_closes_at, completion_share, final_exam_paper_id, created_at, updated_at,
           attention_check_min_minutes, attention_check_max_minutes, attention_check_timeout_seconds, attention_check_from_bank)
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18, $19) RETURNING id`,
);

export const updateContent = defineQuery<[versionId: string, ...VersionContentParams]>(
  'courses.authoring.updateContent',
  `UPDATE course_versions SET title = $2, description = $3, category = $4, kind = $5, credit_hours = $6, delivery_mode = $7,
         capacity = $8, enrollment_opens_at = $9, enrollment_closes_at = $10, completion_share = $11, final_exam_paper_id = $12, updated_at = $13,
         attention_check_min_minutes = $14, attention_check_max_minutes = $15, attention_check_timeout_seconds = $16, attention_check_from_bank = $17
       WHERE id = $1`,
);

export const deleteVersionTopics = defineQuery<[versionId: string]>(
  'courses.authoring.deleteVersionTopics',
  'DELETE FROM course_version_topics WHERE course_version_id = $1',
);

export const deleteVersionLessons = defineQuery<[versionId: string]>(
  'courses.authoring.deleteVersionLessons',
  'DELETE FROM lessons WHERE course_version_id = $1',
);

export const insertVersionTopics = defineQuery<[versionId: string, topicIds: string[]]>(
  'courses.authoring.insertVersionTopics',
  'INSERT INTO course_version_topics (course_version_id, topic_id) SELECT $1, unnest($2::uuid[])',
);

/** A version's lessons, one array per column, in lesson order. */
export const insertLessons = defineQuery<
  [
    versionId: string,
    positions: number[],
    titles: string[],
    types: string[],
    minutes: number[],
    required: boolean[],
    contentUrls: (string | null)[],
    startsAt: (Date | null)[],
    endsAt: (Date | null)[],
    venues: (string | null)[],
    contentFileIds: (string | null)[],
    contentPackageIds: (string | null)[],
  ]
>(
  'courses.authoring.insertLessons',
  `INSERT INTO lessons (course_version_id, position, title, type, minutes, required, content_url, starts_at, ends_at, venue, content_file_id, content_package_id)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::uuid[], $12::uuid[])`,
);

export const updateOperational = defineQuery<
  [versionId: string, capacity: number | null, opensAt: Date | null, closesAt: Date | null, at: Date]
>(
  'courses.authoring.updateOperational',
  'UPDATE course_versions SET capacity = $2, enrollment_opens_at = $3, enrollment_closes_at = $4, updated_at = $5 WHERE id = $1',
);
