import { defineQuery } from '@cqo/core';
import type { Cmi5Course } from '../cmi5/cmi5-structure';
import type { ContentKind } from '../entities/content-file.entity';
import type { LessonType } from '../entities/lesson.entity';
import type { ScormPackage } from '../scorm/scorm-manifest';

// SQL of hosted lesson content (ContentFilesService) and imported content packages
// (ContentPackagesService). Tables: content_files, content_packages, lessons, course_versions,
// enrollments (courses).

/** The lesson an upload is for, with its version's status and organization. */
export const uploadLesson = defineQuery<[lessonId: string], { type: LessonType; status: string; organization_id: string }>(
  'courses.content.uploadLesson',
  `SELECT l.type, v.status, v.organization_id FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
);

export const insertContentFile = defineQuery<
  [
    id: string,
    organizationId: string,
    kind: ContentKind,
    mimeType: string,
    storageKey: string,
    sizeBytes: number,
    durationSeconds: number | null,
    sha256: string,
    originalName: string,
    uploadedBy: string | null,
    createdAt: Date,
  ]
>(
  'courses.content.insertFile',
  `INSERT INTO content_files (id, organization_id, kind, mime_type, storage_key, size_bytes, duration_seconds, sha256, original_name, uploaded_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
);

/** The status of the version of an organization's lesson, the version row locked. */
export const lockLessonVersion = defineQuery<[lessonId: string, organizationId: string], { status: string }>(
  'courses.content.lockLessonVersion',
  `SELECT v.status FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1 AND v.organization_id = $2 FOR UPDATE OF v`,
);

/** Attaches a file to a lesson; a video's whole minutes (when given) become the lesson's minutes. */
export const attachLessonFile = defineQuery<[lessonId: string, fileId: string, minutes: number | null]>(
  'courses.content.attachLessonFile',
  `UPDATE lessons SET content_file_id = $2, minutes = CASE WHEN $3::int IS NULL THEN minutes ELSE $3::int END WHERE id = $1`,
);

export const fileOrganization = defineQuery<[fileId: string], { organization_id: string }>(
  'courses.content.fileOrganization',
  'SELECT organization_id FROM content_files WHERE id = $1',
);

/** Whether the trainee has a live enrolment in a version with a lesson using the file. */
export const traineeUsesFile = defineQuery<[traineeId: string, fileId: string], { found: number }>(
  'courses.content.traineeUsesFile',
  `SELECT 1 AS found FROM enrollments e JOIN lessons l ON l.course_version_id = e.course_version_id
          WHERE e.trainee_id = $1 AND e.status <> 'withdrawn' AND l.content_file_id = $2 LIMIT 1`,
);

/** What the media route needs of a content_files row. */
export interface FileFacts {
  storage_key: string;
  mime_type: string;
  size_bytes: string;
  sha256: string;
}

export const fileFacts = defineQuery<[fileId: string], FileFacts>(
  'courses.content.fileFacts',
  'SELECT storage_key, mime_type, size_bytes, sha256 FROM content_files WHERE id = $1',
);

export const insertContentPackage = defineQuery<
  [
    id: string,
    organizationId: string,
    standard: string,
    structure: Cmi5Course | ScormPackage,
    storagePrefix: string,
    fileCount: number,
    sizeBytes: number,
    originalName: string,
    uploadedBy: string,
    createdAt: Date,
  ]
>(
  'courses.content.insertPackage',
  `INSERT INTO content_packages (id, organization_id, standard, structure, storage_prefix, file_count, size_bytes, original_name, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
);

export const packageForPreview = defineQuery<[packageId: string], { organization_id: string; standard: string; structure: ScormPackage }>(
  'courses.content.packageForPreview',
  'SELECT organization_id, standard, structure FROM content_packages WHERE id = $1',
);

export const packageLocation = defineQuery<[packageId: string], { storage_prefix: string; standard: string; structure: unknown }>(
  'courses.content.packageLocation',
  'SELECT storage_prefix, standard, structure FROM content_packages WHERE id = $1',
);
