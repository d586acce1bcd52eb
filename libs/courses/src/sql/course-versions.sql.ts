import { defineQuery, defineTemplate, regionScopeSql } from '@cqo/core';
import { PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';
import type { CourseKind, CourseVersionStatus, DeliveryMode } from '../entities/course-version.entity';
import type { LessonType } from '../entities/lesson.entity';
import type { SqlParams } from './sql-params';

// SQL reading course versions (CourseVersionReader, CoursesService's lists, CourseAccess,
// CourseReviewNotifier). Tables: course_versions, course_version_topics, topics, lessons,
// content_files (courses); training organizations (name, region) and org admins' accounts
// through their libs' public views.

/** A course_versions row joined with its organization's name, as the reader selects it. */
export interface VersionRow {
  id: string;
  course_id: string;
  organization_id: string;
  organization_name: string;
  version: number;
  status: CourseVersionStatus;
  title: string;
  description: string;
  category: number;
  kind: CourseKind;
  credit_hours: string;
  delivery_mode: DeliveryMode;
  capacity: number | null;
  seats_taken: number;
  enrollment_opens_at: Date | null;
  enrollment_closes_at: Date | null;
  completion_share: string;
  final_exam_paper_id: string | null;
  attention_check_min_minutes: number | null;
  attention_check_max_minutes: number | null;
  attention_check_timeout_seconds: number;
  attention_check_from_bank: boolean;
  approval_number: string | null;
  review_note: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  published_at: Date | null;
  archived_at: Date | null;
  updated_at: Date;
}

/** The columns of {@link VersionRow}, over `v` (course_versions) and `o` (the organization). */
export const VERSION_COLUMNS = `v.id, v.course_id, v.organization_id, o.name AS organization_name, v.version, v.status, v.title,
  v.description, v.category, v.kind, v.credit_hours, v.delivery_mode, v.capacity, v.seats_taken, v.enrollment_opens_at,
  v.enrollment_closes_at, v.completion_share, v.final_exam_paper_id, v.attention_check_min_minutes, v.attention_check_max_minutes,
  v.attention_check_timeout_seconds, v.attention_check_from_bank, v.approval_number, v.review_note, v.submitted_at,
  v.reviewed_at, v.published_at, v.archived_at, v.updated_at`;

/** Versions (`v`) with their organization (`o`: id, name, region_id, region_path). */
export const VERSION_FROM = `course_versions v JOIN ${PUBLIC_TRAINING_ORGANIZATIONS} o ON o.id = v.organization_id`;

export const versionById = defineQuery<[versionId: string], VersionRow>(
  'courses.versions.byId',
  `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1`,
);

/** The version, its row locked for a change of content or status. */
export const versionByIdForUpdate = defineQuery<[versionId: string], VersionRow>(
  'courses.versions.byIdForUpdate',
  `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1 FOR UPDATE OF v`,
);

/** Every version of a course, newest first. */
export const versionsOfCourse = defineQuery<[courseId: string], VersionRow>(
  'courses.versions.ofCourse',
  `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.course_id = $1 ORDER BY v.version DESC`,
);

export const latestVersionOfCourse = defineQuery<[courseId: string], VersionRow>(
  'courses.versions.latestOfCourse',
  `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.course_id = $1 ORDER BY v.version DESC LIMIT 1`,
);

export interface VersionTopicRow {
  course_version_id: string;
  code: string;
  category: number;
  name: string;
}

export const topicsOfVersions = defineQuery<[versionIds: string[]], VersionTopicRow>(
  'courses.versions.topics',
  `SELECT cvt.course_version_id, t.code, t.category, t.name FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id
        WHERE cvt.course_version_id = ANY($1) ORDER BY t.sort_order`,
);

/** A lesson with its uploaded file, if any (the file columns null without one). */
export interface LessonRow {
  id: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  content_url: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  venue: string | null;
  content_package_id: string | null;
  file_id: string | null;
  file_kind: 'video' | 'document' | null;
  mime_type: string | null;
  size_bytes: string | null;
  duration_seconds: number | null;
  original_name: string | null;
}

export const lessonsOfVersion = defineQuery<[versionId: string], LessonRow>(
  'courses.versions.lessons',
  `SELECT l.id, l.position, l.title, l.type, l.minutes, l.required, l.content_url, l.starts_at, l.ends_at, l.venue, l.content_package_id,
              f.id AS file_id, f.kind AS file_kind, f.mime_type, f.size_bytes, f.duration_seconds, f.original_name
         FROM lessons l LEFT JOIN content_files f ON f.id = l.content_file_id
        WHERE l.course_version_id = $1 ORDER BY l.position`,
);

/** Every topic, by category and its order. */
export const topicList = defineQuery<[], { code: string; category: number; name: string }>(
  'courses.versions.topicList',
  'SELECT code, category, name FROM topics ORDER BY category, sort_order',
);

/** The path of the region of a training organization (none: no row). */
export const organizationRegionPathQuery = defineQuery<[organizationId: string], { path: string }>(
  'courses.versions.organizationRegionPath',
  `SELECT o.region_path AS path FROM ${PUBLIC_TRAINING_ORGANIZATIONS} o WHERE o.id = $1 AND o.region_path IS NOT NULL`,
);

// The staff list of versions: conditions chosen by the actor's role and the filter, placed by
// `staffCondition` with its `$n` parameters.

/** Only the latest version of each course. */
export const LATEST_VERSION_CONDITION = 'v.version = (SELECT max(x.version) FROM course_versions x WHERE x.course_id = v.course_id)';

/** The terms of the staff list's condition, numbered by `sql` (the role's scope was checked by the caller). */
export function staffCondition(
  sql: SqlParams,
  terms: { organizationId?: string | null; regionPath?: string | null; filterOrganizationId?: string; status?: string },
): string {
  const where: string[] = [];
  if (terms.organizationId !== undefined) where.push(`v.organization_id = ${sql.p(terms.organizationId)}`);
  if (terms.regionPath !== undefined) where.push(regionScopeSql('o.region_path', sql.p(terms.regionPath)));
  if (terms.filterOrganizationId) where.push(`v.organization_id = ${sql.p(terms.filterOrganizationId)}`);
  if (terms.status) where.push(`v.status = ${sql.p(terms.status)}`);
  // A status filter looks at every version (the review queue holds new versions of published courses).
  return [terms.status ? 'TRUE' : LATEST_VERSION_CONDITION, ...where].join(' AND ');
}

export const countStaffVersions = defineTemplate<'condition', { total: number }>(
  'courses.versions.staffCount',
  ['condition'],
  (f) => `SELECT count(*)::int AS total FROM ${VERSION_FROM} WHERE ${f.condition}`,
);

/** `page` is `LIMIT $n OFFSET $m`. */
export const staffVersionsPage = defineTemplate<'condition' | 'page', VersionRow>(
  'courses.versions.staffPage',
  ['condition', 'page'],
  (f) => `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${f.condition}
        ORDER BY v.updated_at DESC, v.id ASC ${f.page}`,
);

/** What a review notice names of the version. */
export const reviewedVersion = defineQuery<[versionId: string], { title: string; version: number; organization_id: string }>(
  'courses.versions.reviewed',
  'SELECT title, version, organization_id FROM course_versions WHERE id = $1',
);

export const activeOrgAdminIds = defineQuery<[organizationId: string], { id: string }>(
  'courses.versions.activeOrgAdmins',
  `SELECT id FROM ${PUBLIC_USER_ACCOUNTS} u WHERE role = 'org_admin' AND organization_id = $1 AND status = 'active' ORDER BY id`,
);
