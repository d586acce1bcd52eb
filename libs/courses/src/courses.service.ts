import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  chinaYearOf,
  Clock,
  CommonErrors,
  FieldIssue,
  isUniqueViolation,
  offsetOf,
  Page,
  pageOf,
  PageRequest,
  Role,
} from '@cqo/core';
import { CourseAccess, SqlParams } from './course-access';
import {
  checkLessonFiles,
  DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS,
  LessonFileFacts,
  CourseContentInput,
  creditHourMinutesShortfall,
  NormalizedContent,
  OPERATIONAL_FIELDS,
  TopicRef,
  validateCourseContent,
} from './course-rules';
import { CourseReviewNotifier } from './course-review.notifier';
import {
  CourseVersionReader,
  CourseVersionSummary,
  CourseVersionView,
  TopicView,
  VERSION_COLUMNS,
  VERSION_FROM,
  VersionRow,
} from './course-views';
import { CourseErrors } from './courses.errors';
import { CourseVersionStatus } from './entities/course-version.entity';

export type CourseContentPatch = Partial<CourseContentInput>;

export interface CourseListFilter {
  status?: CourseVersionStatus;
  organizationId?: string;
}

const EDITABLE: readonly CourseVersionStatus[] = ['draft', 'returned'];

/**
 * Courses and their versions: writing content, and the review lifecycle
 * draft → submitted → approved (with an approval number) or returned → published → archived.
 * Approved and published versions are locked: new content means a new version, and enrolments
 * keep the version they enrolled in.
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly reader: CourseVersionReader,
    private readonly clock: Clock,
    private readonly reviewNotifier: CourseReviewNotifier,
  ) {}

  async topics(): Promise<TopicView[]> {
    return this.dataSource.query('SELECT code, category, name FROM topics ORDER BY category, sort_order');
  }

  /** An org admin creates a course: the course and its version 1, as a draft. */
  async create(actor: Actor, input: CourseContentInput): Promise<CourseVersionView> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    const organizationId = actor.organizationId;
    const content = await this.validate(input, organizationId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [course]: { id: string }[] = await manager.query(
        'INSERT INTO courses (organization_id, created_at) VALUES ($1, $2) RETURNING id',
        [organizationId, this.clock.now()],
      );
      return this.insertVersion(manager, course.id, organizationId, 1, content);
    });
    return this.getVersion(actor, id);
  }

  /**
   * Changes a version. Drafts and returned versions take any change. Approved and published
   * versions take only operational changes (capacity, enrolment window): their content was
   * reviewed, and enrolled trainees keep it, so other changes need {@link newVersion}.
   */
  async updateVersion(actor: Actor, versionId: string, patch: CourseContentPatch): Promise<CourseVersionView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockVersion(manager, versionId);
      this.access.assertManages(actor, row.organization_id);
      if (EDITABLE.includes(row.status)) {
        const content = await this.validate({ ...(await this.contentOf(manager, row)), ...patch }, row.organization_id, manager);
        await this.writeContent(manager, versionId, content);
        return;
      }
      if (row.status !== 'approved' && row.status !== 'published') throw CourseErrors.wrongStatus('修改', row.status);
      const locked = Object.keys(patch).filter(
        (k) => patch[k as keyof CourseContentPatch] !== undefined && !(OPERATIONAL_FIELDS as readonly string[]).includes(k),
      );
      if (locked.length) throw CourseErrors.versionLocked(locked);
      await this.writeOperational(manager, row, patch);
    });
    return this.getVersion(actor, versionId);
  }

  /** Starts a new draft version of a course from its latest version, with the changes given. */
  async newVersion(actor: Actor, courseId: string, patch: CourseContentPatch = {}): Promise<CourseVersionView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const courses: { organization_id: string }[] = await manager.query('SELECT organization_id FROM courses WHERE id = $1 FOR UPDATE', [
        courseId,
      ]);
      if (!courses.length) throw CourseErrors.courseNotFound();
      this.access.assertManages(actor, courses[0].organization_id);
      const latest: VersionRow[] = await manager.query(
        `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.course_id = $1 ORDER BY v.version DESC LIMIT 1`,
        [courseId],
      );
      const working: unknown[] = await manager.query(
        `SELECT 1 FROM course_versions WHERE course_id = $1 AND status IN ('draft', 'submitted', 'returned', 'approved')`,
        [courseId],
      );
      if (working.length) throw CourseErrors.workingVersionExists();
      const content = await this.validate({ ...(await this.contentOf(manager, latest[0])), ...patch }, courses[0].organization_id, manager);
      return this.insertVersion(manager, courseId, courses[0].organization_id, latest[0].version + 1, content);
    });
    return this.getVersion(actor, id);
  }

  async submit(actor: Actor, versionId: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'submit', async (manager, row, now) => {
      this.access.assertManages(actor, row.organization_id);
      if (!EDITABLE.includes(row.status)) throw CourseErrors.wrongStatus('提交审核', row.status);
      await this.assertHoursFitLessons(manager, versionId, now);
      await manager.query(`UPDATE course_versions SET status = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1`, [
        versionId,
        now,
      ]);
    });
  }

  /** A platform admin approves a submitted version and gives it an approval number. */
  async approve(actor: Actor, versionId: string, approvalNumber: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'approve', async (manager, row, now) => {
      if (actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
      if (row.status !== 'submitted') throw CourseErrors.wrongStatus('审核通过', row.status);
      await this.assertHoursFitLessons(manager, versionId, now);
      try {
        await manager.query(
          `UPDATE course_versions SET status = 'approved', approval_number = $2, review_note = NULL, reviewed_by = $3, reviewed_at = $4, updated_at = $4 WHERE id = $1`,
          [versionId, approvalNumber.trim(), actor.userId, now],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'ux_course_versions_approval_number')) throw CourseErrors.approvalNumberTaken();
        throw error;
      }
      await this.reviewNotifier.reviewed(manager, versionId, 'approved', approvalNumber.trim(), now);
    });
  }

  /** A platform admin sends a submitted version back, with the reason. */
  async sendBack(actor: Actor, versionId: string, reason: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'send back', async (manager, row, now) => {
      if (actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
      if (row.status !== 'submitted') throw CourseErrors.wrongStatus('退回', row.status);
      await manager.query(
        `UPDATE course_versions SET status = 'returned', review_note = $2, reviewed_by = $3, reviewed_at = $4, updated_at = $4 WHERE id = $1`,
        [versionId, reason.trim(), actor.userId, now],
      );
      await this.reviewNotifier.reviewed(manager, versionId, 'returned', reason.trim(), now);
    });
  }

  /** The org publishes an approved version; the version it replaces (if any) is archived, its enrolments keep studying it. */
  async publish(actor: Actor, versionId: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'publish', async (manager, row, now) => {
      this.access.assertManages(actor, row.organization_id);
      if (row.status !== 'approved') throw CourseErrors.wrongStatus('发布', row.status);
      await manager.query(
        `UPDATE course_versions SET status = 'archived', archived_at = $2, updated_at = $2 WHERE course_id = $1 AND status = 'published'`,
        [row.course_id, now],
      );
      await manager.query(`UPDATE course_versions SET status = 'published', published_at = $2, updated_at = $2 WHERE id = $1`, [
        versionId,
        now,
      ]);
    });
  }

  /** Takes a published version out of the catalog. Enrolled trainees can still finish it. */
  async archive(actor: Actor, versionId: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'archive', async (manager, row, now) => {
      if (actor.role !== Role.PlatformAdmin) this.access.assertManages(actor, row.organization_id);
      if (row.status !== 'published') throw CourseErrors.wrongStatus('归档', row.status);
      await manager.query(`UPDATE course_versions SET status = 'archived', archived_at = $2, updated_at = $2 WHERE id = $1`, [
        versionId,
        now,
      ]);
    });
  }

  /**
   * One version with its lessons. Published and archived versions are readable by anyone signed
   * in (the catalog is public to users); others only by staff overseeing the organization.
   */
  async getVersion(actor: Actor, versionId: string): Promise<CourseVersionView> {
    const row = await this.reader.row(versionId);
    if (!row) throw CourseErrors.versionNotFound();
    if (row.status !== 'published' && row.status !== 'archived') await this.access.assertOversees(actor, row.organization_id);
    return this.reader.view(row);
  }

  /** Every version of a course, newest first, for staff overseeing its organization. */
  async listVersions(actor: Actor, courseId: string): Promise<CourseVersionSummary[]> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.course_id = $1 ORDER BY v.version DESC`,
      [courseId],
    );
    if (!rows.length) throw CourseErrors.courseNotFound();
    await this.access.assertOversees(actor, rows[0].organization_id);
    return this.reader.summaries(rows);
  }

  /**
   * Courses for staff (the review queue, an organization's own list, a region's): the latest
   * version of each course. Org admins see their organization's, regulators those of
   * organizations in their region, platform admins all.
   */
  async listForStaff(actor: Actor, filter: CourseListFilter, page: PageRequest): Promise<Page<CourseVersionSummary>> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (actor.role === Role.OrgAdmin) where.push(`v.organization_id = ${sql.p(actor.organizationId)}`);
    else if (actor.role === Role.Regulator) {
      where.push(
        `EXISTS (SELECT 1 FROM regions r WHERE r.id = o.region_id AND (r.path = ${sql.p(actor.regionPath)} OR r.path LIKE ${sql.p(`${actor.regionPath}/%`)}))`,
      );
    } else if (actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    if (filter.organizationId) where.push(`v.organization_id = ${sql.p(filter.organizationId)}`);
    if (filter.status) where.push(`v.status = ${sql.p(filter.status)}`);
    const latest = `v.version = (SELECT max(x.version) FROM course_versions x WHERE x.course_id = v.course_id)`;
    // A status filter looks at every version (the review queue holds new versions of published courses).
    const condition = [filter.status ? 'TRUE' : latest, ...where].join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${VERSION_FROM} WHERE ${condition}`,
      [...sql.values],
    );
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE ${condition}
        ORDER BY v.updated_at DESC, v.id ASC LIMIT ${sql.p(page.pageSize)} OFFSET ${sql.p(offsetOf(page))}`,
      sql.values,
    );
    return pageOf(await this.reader.summaries(rows), total, page);
  }

  private async transition(
    actor: Actor,
    versionId: string,
    _what: string,
    apply: (manager: EntityManager, row: VersionRow, now: Date) => Promise<void>,
  ): Promise<CourseVersionView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockVersion(manager, versionId);
      await apply(manager, row, this.clock.now());
    });
    return this.getVersion(actor, versionId);
  }

  /**
   * Declared hours must be backed by lesson time: required lessons' minutes ≥ hours × minutes per
   * 学时 of the rule set governing the organization's region this year (credit-hours' public
   * `credit_hour_minutes` function; 45 when no set says otherwise).
   */
  private async assertHoursFitLessons(manager: EntityManager, versionId: string, now: Date): Promise<void> {
    const [row]: { credit_hours: string; lesson_minutes: number; minutes_per_hour: number }[] = await manager.query(
      `SELECT v.credit_hours::text,
              (SELECT COALESCE(sum(l.minutes), 0)::int FROM lessons l WHERE l.course_version_id = v.id AND l.required) AS lesson_minutes,
              credit_hour_minutes(o.region_id, $2::int) AS minutes_per_hour
         FROM course_versions v JOIN training_organizations o ON o.id = v.organization_id
        WHERE v.id = $1`,
      [versionId, chinaYearOf(now)],
    );
    const { requiredMinutes, missing } = creditHourMinutesShortfall(row.credit_hours, row.minutes_per_hour, row.lesson_minutes);
    if (missing > 0)
      throw CourseErrors.courseHoursTooLong(
        row.credit_hours.replace(/\.0+$/, ''),
        row.minutes_per_hour,
        requiredMinutes,
        row.lesson_minutes,
      );
  }

  private async lockVersion(manager: EntityManager, versionId: string): Promise<VersionRow> {
    const rows: VersionRow[] = await manager.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1 FOR UPDATE OF v`, [
      versionId,
    ]);
    if (!rows.length) throw CourseErrors.versionNotFound();
    return rows[0];
  }

  private async validate(
    input: CourseContentInput,
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NormalizedContent> {
    const topics: TopicRef[] = await manager.query('SELECT id, code, category FROM topics');
    const { content, issues } = validateCourseContent(input, topics);
    if (!content) throw CourseErrors.invalidContent(issues);
    const fileIds = content.lessons.map((l) => l.contentFileId).filter((id): id is string => id !== null);
    const files: LessonFileFacts[] = fileIds.length
      ? await manager.query('SELECT id, organization_id, kind, duration_seconds FROM content_files WHERE id = ANY($1::uuid[])', [fileIds])
      : [];
    const fileIssues = checkLessonFiles(content.lessons, files, organizationId);
    const packageIds = content.lessons.map((l) => l.contentPackageId).filter((id): id is string => id !== null);
    const packages: { id: string; organization_id: string; standard: string }[] = packageIds.length
      ? await manager.query('SELECT id, organization_id, standard FROM content_packages WHERE id = ANY($1::uuid[])', [packageIds])
      : [];
    content.lessons.forEach((l, i) => {
      const found = l.contentPackageId && packages.find((p) => p.id === l.contentPackageId);
      if (l.contentPackageId && (!found || found.organization_id !== organizationId)) {
        fileIssues.push({ field: `lessons[${i}].contentPackageId`, message: '课件包不存在或不属于本机构' });
      } else if (found && (found.standard === 'cmi5') !== (l.type === 'cmi5')) {
        fileIssues.push({
          field: `lessons[${i}].contentPackageId`,
          message: l.type === 'cmi5' ? 'cmi5 课时须使用 cmi5 课件包' : 'SCORM 课时须使用 SCORM 课件包',
        });
      }
    });
    if (fileIssues.length) throw CourseErrors.invalidContent(fileIssues);
    return content;
  }

  /** A version's content in input form, so a patch can be laid over it. */
  private async contentOf(manager: EntityManager, row: VersionRow): Promise<CourseContentInput> {
    const topics: { code: string }[] = await manager.query(
      `SELECT t.code FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id WHERE cvt.course_version_id = $1 ORDER BY t.sort_order`,
      [row.id],
    );
    const lessons = await this.reader.lessons(row.id, manager);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      title: row.title,
      description: row.description,
      category: row.category,
      topicCodes: topics.map((t) => t.code),
      kind: row.kind,
      creditHours: row.credit_hours,
      deliveryMode: row.delivery_mode,
      capacity: row.capacity,
      enrollmentOpensAt: iso(row.enrollment_opens_at),
      enrollmentClosesAt: iso(row.enrollment_closes_at),
      completionShare: row.completion_share,
      finalExamPaperId: row.final_exam_paper_id,
      attentionChecks:
        row.attention_check_min_minutes === null || row.attention_check_max_minutes === null
          ? null
          : {
              minMinutes: row.attention_check_min_minutes,
              maxMinutes: row.attention_check_max_minutes,
              timeoutSeconds: row.attention_check_timeout_seconds,
              fromBank: row.attention_check_from_bank,
            },
      lessons: lessons.map((l) => ({
        title: l.title,
        type: l.type,
        minutes: l.minutes,
        required: l.required,
        contentUrl: l.contentUrl,
        contentFileId: l.content?.id ?? null,
        contentPackageId: l.contentPackageId,
        startsAt: iso(l.startsAt),
        endsAt: iso(l.endsAt),
        venue: l.venue,
      })),
    };
  }

  private async insertVersion(
    manager: EntityManager,
    courseId: string,
    organizationId: string,
    version: number,
    c: NormalizedContent,
  ): Promise<string> {
    const now = this.clock.now();
    let rows: { id: string }[];
    try {
      rows = await manager.query(
        `INSERT INTO course_versions (course_id, organization_id, version, status, title, description, category, kind, credit_hours,
           delivery_mode, capacity, enrollment_opens_at, enrollment_closes_at, completion_share, final_exam_paper_id, created_at, updated_at,
           attention_check_min_minutes, attention_check_max_minutes, attention_check_timeout_seconds, attention_check_from_bank)
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18, $19) RETURNING id`,
        [
          courseId,
          organizationId,
          version,
          c.title,
          c.description,
          c.category,
          c.kind,
          c.creditHours,
          c.deliveryMode,
          c.capacity,
          c.enrollmentOpensAt,
          c.enrollmentClosesAt,
          c.completionShare,
          c.finalExamPaperId,
          now,
          ...attentionColumns(c),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'ux_course_versions_one_working') || isUniqueViolation(error, 'ux_course_versions_course_id_version')) {
        throw CourseErrors.workingVersionExists();
      }
      throw error;
    }
    await this.writeTopicsAndLessons(manager, rows[0].id, c);
    return rows[0].id;
  }

  private async writeContent(manager: EntityManager, versionId: string, c: NormalizedContent): Promise<void> {
    await manager.query(
      `UPDATE course_versions SET title = $2, description = $3, category = $4, kind = $5, credit_hours = $6, delivery_mode = $7,
         capacity = $8, enrollment_opens_at = $9, enrollment_closes_at = $10, completion_share = $11, final_exam_paper_id = $12, updated_at = $13,
         attention_check_min_minutes = $14, attention_check_max_minutes = $15, attention_check_timeout_seconds = $16, attention_check_from_bank = $17
       WHERE id = $1`,
      [
        versionId,
        c.title,
        c.description,
        c.category,
        c.kind,
        c.creditHours,
        c.deliveryMode,
        c.capacity,
        c.enrollmentOpensAt,
        c.enrollmentClosesAt,
        c.completionShare,
        c.finalExamPaperId,
        this.clock.now(),
        ...attentionColumns(c),
      ],
    );
    // A draft has no enrolments, hence no progress on its lessons: they can simply be replaced.
    await manager.query('DELETE FROM course_version_topics WHERE course_version_id = $1', [versionId]);
    await manager.query('DELETE FROM lessons WHERE course_version_id = $1', [versionId]);
    await this.writeTopicsAndLessons(manager, versionId, c);
  }

  private async writeTopicsAndLessons(manager: EntityManager, versionId: string, c: NormalizedContent): Promise<void> {
    await manager.query('INSERT INTO course_version_topics (course_version_id, topic_id) SELECT $1, unnest($2::uuid[])', [
      versionId,
      c.topicIds,
    ]);
    await manager.query(
      `INSERT INTO lessons (course_version_id, position, title, type, minutes, required, content_url, starts_at, ends_at, venue, content_file_id, content_package_id)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::uuid[], $12::uuid[])`,
      [
        versionId,
        c.lessons.map((l) => l.position),
        c.lessons.map((l) => l.title),
        c.lessons.map((l) => l.type),
        c.lessons.map((l) => l.minutes),
        c.lessons.map((l) => l.required),
        c.lessons.map((l) => l.contentUrl),
        c.lessons.map((l) => l.startsAt),
        c.lessons.map((l) => l.endsAt),
        c.lessons.map((l) => l.venue),
        c.lessons.map((l) => l.contentFileId),
        c.lessons.map((l) => l.contentPackageId),
      ],
    );
  }

  private async writeOperational(manager: EntityManager, row: VersionRow, patch: CourseContentPatch): Promise<void> {
    const issues: FieldIssue[] = [];
    const time = (value: string | null | undefined, current: Date | null, field: string) => {
      if (value === undefined) return current;
      if (value === null) return null;
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) issues.push({ field, message: '必须是 ISO 8601 日期时间' });
      return at;
    };
    const opens = time(patch.enrollmentOpensAt, row.enrollment_opens_at, 'enrollmentOpensAt');
    const closes = time(patch.enrollmentClosesAt, row.enrollment_closes_at, 'enrollmentClosesAt');
    if (opens && closes && closes <= opens) issues.push({ field: 'enrollmentClosesAt', message: '报名截止时间必须晚于开始时间' });
    if (issues.length) throw CourseErrors.invalidContent(issues);
    const capacity = patch.capacity === undefined ? row.capacity : patch.capacity;
    if (capacity !== null && capacity < row.seats_taken) throw CourseErrors.capacityBelowSeats(row.seats_taken);
    await manager.query(
      'UPDATE course_versions SET capacity = $2, enrollment_opens_at = $3, enrollment_closes_at = $4, updated_at = $5 WHERE id = $1',
      [row.id, capacity, opens, closes, this.clock.now()],
    );
  }
}

/** The attention-check columns of course_versions, in the order the INSERT and UPDATE above list them. */
function attentionColumns(c: NormalizedContent): [number | null, number | null, number, boolean] {
  const a = c.attentionChecks;
  return [a?.minMinutes ?? null, a?.maxMinutes ?? null, a?.timeoutSeconds ?? DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS, a?.fromBank ?? false];
}
