import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, offsetOf, Page, pageOf, PageRequest } from '@cqo/core';
import { containsPattern, SqlParams } from './course-access';
import { CourseVersionReader, CourseVersionSummary, VERSION_COLUMNS, VERSION_FROM, VersionRow } from './course-views';
import { CourseKind, DeliveryMode } from './entities/course-version.entity';

export interface CatalogFilter {
  category?: number;
  /** A topic code, e.g. `six-sigma`. */
  topic?: string;
  kind?: CourseKind;
  deliveryMode?: DeliveryMode;
  organizationId?: string;
  /** Only courses taking enrolments now (inside the window, with a seat left). */
  openOnly?: boolean;
  /** Text searched in title and description. */
  q?: string;
}

/**
 * The trainees' catalog: published versions only, newest first, ties broken by id so pages are
 * stable. Text search is a case-insensitive substring match (ILIKE with the user's text
 * escaped), which works for Chinese without any extension; the catalog of one province is small
 * enough that a scan of the published versions is cheap (pg_trgm would help only with Latin
 * text under our collation, so it is not used).
 */
@Injectable()
export class CatalogRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: CourseVersionReader,
    private readonly clock: Clock,
  ) {}

  async search(filter: CatalogFilter, page: PageRequest): Promise<Page<CourseVersionSummary>> {
    const sql = new SqlParams();
    const where = [`v.status = 'published'`];
    if (filter.category !== undefined) where.push(`v.category = ${sql.p(filter.category)}`);
    if (filter.kind) where.push(`v.kind = ${sql.p(filter.kind)}`);
    if (filter.deliveryMode) where.push(`v.delivery_mode = ${sql.p(filter.deliveryMode)}`);
    if (filter.organizationId) where.push(`v.organization_id = ${sql.p(filter.organizationId)}`);
    if (filter.topic) {
      where.push(
        `EXISTS (SELECT 1 FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = v.id AND t.code = ${sql.p(filter.topic)})`,
      );
    }
    if (filter.openOnly) {
      const now = sql.p(this.clock.now());
      where.push(
        `(v.enrollment_opens_at IS NULL OR v.enrollment_opens_at <= ${now}) AND (v.enrollment_closes_at IS NULL OR v.enrollment_closes_at > ${now}) AND (v.capacity IS NULL OR v.seats_taken < v.capacity)`,
      );
    }
    const q = filter.q?.trim();
    if (q) {
      const pattern = sql.p(containsPattern(q));
      where.push(`(v.title ILIKE ${pattern} ESCAPE '\\' OR v.description ILIKE ${pattern} ESCAPE '\\')`);
    }
    const condition = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${VERSION_FROM} WHERE ${condition}`,
      [...sql.values],
    );
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${condition}
        ORDER BY v.published_at DESC, v.id ASC LIMIT ${sql.p(page.pageSize)} OFFSET ${sql.p(offsetOf(page))}`,
      sql.values,
    );
    return pageOf(await this.reader.summaries(rows), total, page);
  }
}
