import { defineQuery } from '@cqo/core';
import type { LessonType } from '../entities/lesson.entity';

// SQL of a lesson's preview for its reviewers (LessonPreviewService). Tables: lessons,
// course_versions, content_files, content_packages (courses). Reads only: a preview writes nothing.

export interface PreviewLessonRow {
  organization_id: string;
  type: LessonType;
  title: string;
  content_url: string | null;
  content_file_id: string | null;
  mime_type: string | null;
  content_package_id: string | null;
  standard: string | null;
  structure: unknown;
}

export const previewLessonQuery = defineQuery<[versionId: string, lessonId: string], PreviewLessonRow>(
  'courses.preview.lesson',
  `SELECT v.organization_id, l.type, l.title, l.content_url, l.content_file_id, f.mime_type, l.content_package_id, p.standard, p.structure
     FROM lessons l JOIN course_versions v ON v.id = l.course_version_id
     LEFT JOIN content_files f ON f.id = l.content_file_id
     LEFT JOIN content_packages p ON p.id = l.content_package_id
    WHERE l.course_version_id = $1 AND l.id = $2`,
);
