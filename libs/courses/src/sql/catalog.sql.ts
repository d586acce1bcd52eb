import { defineTemplate } from '@cqo/core';
import type { CourseKind, DeliveryMode } from '../entities/course-version.entity';
import { VERSION_COLUMNS, VERSION_FROM, type VersionRow } from './course-versions.sql';
import type { SqlParams } from './sql-params';

// SQL of the trainees' catalog (CatalogRepository): published versions with the filters asked.
// Tables: course_versions, course_version_topics, topics (courses); training organizations'
// names through organizations' public view. The filters are optional, so the condition is a
// template placed by `catalogCondition` with its `$n` parameters.

/** The catalog's filters as the condition takes them; `q` is already a literal ILIKE pattern. */
export interface CatalogTerms {
  category?: number;
  kind?: CourseKind;
  deliveryMode?: DeliveryMode;
  organizationId?: string;
  topic?: string;
  /** Only versions taking enrolments at this time. */
  openAt?: Date;
  pattern?: string;
}

/** The catalog's condition: published versions matching every term given, numbered by `sql`. */
export function catalogCondition(sql: SqlParams, terms: CatalogTerms): string {
  const where = [`v.status = 'published'`];
  if (terms.category !== undefined) where.push(`v.category = ${sql.p(terms.category)}`);
  if (terms.kind) where.push(`v.kind = ${sql.p(terms.kind)}`);
  if (terms.deliveryMode) where.push(`v.delivery_mode = ${sql.p(terms.deliveryMode)}`);
  if (terms.organizationId) where.push(`v.organization_id = ${sql.p(terms.organizationId)}`);
  if (terms.topic) {
    where.push(
      `EXISTS (SELECT 1 FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = v.id AND t.code = ${sql.p(terms.topic)})`,
    );
  }
  if (terms.openAt) {
    const now = sql.p(terms.openAt);
    where.push(
      `(v.enrollment_opens_at IS NULL OR v.enrollment_opens_at <= ${now}) AND (v.enrollment_closes_at IS NULL OR v.enrollment_closes_at > ${now}) AND (v.capacity IS NULL OR v.seats_taken < v.capacity)`,
    );
  }
  if (terms.pattern) {
    const pattern = sql.p(terms.pattern);
    where.push(`(v.title ILIKE ${pattern} ESCAPE '\\' OR v.description ILIKE ${pattern} ESCAPE '\\')`);
  }
  return where.join(' AND ');
}

export const countCatalog = defineTemplate<'condition', { total: number }>(
  'courses.catalog.count',
  ['condition'],
  (f) => `SELECT count(*)::int AS total FROM ${VERSION_FROM} WHERE ${f.condition}`,
);

/** Newest published first, ties by id so pages are stable; `page` is `LIMIT $n OFFSET $m`. */
export const catalogPage = defineTemplate<'condition' | 'page', VersionRow>(
  'courses.catalog.page',
  ['condition', 'page'],
  (f) => `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${f.condition}
        ORDER BY v.published_at DESC, v.id ASC ${f.page}`,
);
