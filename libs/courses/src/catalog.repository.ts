import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, Page, PageRequest, runTemplatePage } from '@cqo/core';
import { containsPattern } from './course-access';
import { CourseVersionReader, CourseVersionSummary } from './course-views';
import * as catalog from './sql/catalog.sql';
import { SqlParams } from './sql/sql-params';
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
    private readonly dataSource: DataSource,
    private readonly reader: CourseVersionReader,
    private readonly clock: Clock,
  ) {}

  async search(filter: CatalogFilter, page: PageRequest): Promise<Page<CourseVersionSummary>> {
    const sql = new SqlParams();
    const q = filter.q?.trim();
    const condition = catalog.catalogCondition(sql, {
      category: filter.category,
      kind: filter.kind,
      deliveryMode: filter.deliveryMode,
      organizationId: filter.organizationId,
      topic: filter.topic,
      openAt: filter.openOnly ? this.clock.now() : undefined,
      pattern: q ? containsPattern(q) : undefined,
    });
    return runTemplatePage(
      this.dataSource,
      { count: catalog.countCatalog, rows: catalog.catalogPage },
      { condition },
      sql.values,
      page,
      (rows) => this.reader.summaries(rows),
    );
  }
}
