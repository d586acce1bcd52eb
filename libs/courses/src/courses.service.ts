import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, FieldIssue, Page, PageRequest } from '@cqo/core';
import { chinaYearOf, Clock, CommonErrors, isUniqueViolation, Role, runCommand, runQuery, runTemplatePage } from '@cqo/core';
import { CourseAccess } from './course-access';
import {
  checkLessonFiles,
  DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS,
  CourseContentInput,
  creditHourMinutesShortfall,
  NormalizedContent,
  OPERATIONAL_FIELDS,
  validateCourseContent,
} from './course-rules';
import { CourseReviewNotifier } from './course-review.notifier';
import { CourseVersionReader, CourseVersionSummary, CourseVersionView, TopicView } from './course-views';
import { CourseErrors } from './courses.errors';
import { CourseVersionStatus } from './entities/course-version.entity';
import * as authoring from './sql/course-authoring.sql';
import { VersionContentParams } from './sql/course-authoring.sql';
import * as versions from './sql/course-versions.sql';
import { VersionRow } from './sql/course-versions.sql';
import { SqlParams } from './sql/sql-params';

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
    private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly reader: CourseVersionReader,
    private readonly clock: Clock,
    private readonly reviewNotifier: CourseReviewNotifier,
  ) {}

  async topics(): Promise<TopicView[]> {
    return runQuery(this.dataSource, versions.topicList, []);
  }

  /** An org admin creates a course: the course and its version 1, as a draft. */
  async create(actor: Actor, input: CourseContentInput): Promise<CourseVersionView> {
    if (actor.role !== Role.OrgAdmin || !actor.organizationId) throw CommonErrors.outOfScope();
    const organizationId = actor.organizationId;
    const content = await this.validate(input, organizationId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [course] = await runQuery(manager, authoring.insertCourse, [organizationId, this.clock.now()]);
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
      const courses = await runQuery(manager, authoring.lockCourse, [courseId]);
      if (!courses.length) throw CourseErrors.courseNotFound();
      this.access.assertManages(actor, courses[0].organization_id);
      const latest = await runQuery(manager, versions.latestVersionOfCourse, [courseId]);
      const working = await runQuery(manager, authoring.workingVersionOfCourse, [courseId]);
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
      await runCommand(manager, authoring.submitVersion, [versionId, now]);
    });
  }

  /** A platform admin approves a submitted version and gives it an approval number. */
  async approve(actor: Actor, versionId: string, approvalNumber: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'approve', async (manager, row, now) => {
      if (actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
      if (row.status !== 'submitted') throw CourseErrors.wrongStatus('审核通过', row.status);
      await this.assertHoursFitLessons(manager, versionId, now);
      try {
        await runCommand(manager, authoring.approveVersion, [versionId, approvalNumber.trim(), actor.userId, now]);
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
      await runCommand(manager, authoring.returnVersion, [versionId, reason.trim(), actor.userId, now]);
      await this.reviewNotifier.reviewed(manager, versionId, 'returned', reason.trim(), now);
    });
  }

  /** The org publishes an approved version; the version it replaces (if any) is archived, its enrolments keep studying it. */
  async publish(actor: Actor, versionId: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'publish', async (manager, row, now) => {
      this.access.assertManages(actor, row.organization_id);
      if (row.status !== 'approved') throw CourseErrors.wrongStatus('发布', row.status);
      await runCommand(manager, authoring.archivePublishedOfCourse, [row.course_id, now]);
      await runCommand(manager, authoring.publishVersion, [versionId, now]);
    });
  }

  /** Takes a published version out of the catalog. Enrolled trainees can still finish it. */
  async archive(actor: Actor, versionId: string): Promise<CourseVersionView> {
    return this.transition(actor, versionId, 'archive', async (manager, row, now) => {
      if (actor.role !== Role.PlatformAdmin) this.access.assertManages(actor, row.organization_id);
      if (row.status !== 'published') throw CourseErrors.wrongStatus('归档', row.status);
      await runCommand(manager, authoring.archiveVersion, [versionId, now]);
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
    const rows = await runQuery(this.dataSource, versions.versionsOfCourse, [courseId]);
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
    if (actor.role !== Role.OrgAdmin && actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    const sql = new SqlParams();
    const condition = versions.staffCondition(sql, {
      ...(actor.role === Role.OrgAdmin ? { organizationId: actor.organizationId } : {}),
      ...(actor.role === Role.Regulator ? { regionPath: actor.regionPath } : {}),
      filterOrganizationId: filter.organizationId,
      status: filter.status,
    });
    return runTemplatePage(
      this.dataSource,
      { count: versions.countStaffVersions, rows: versions.staffVersionsPage },
      { condition },
      sql.values,
      page,
      (rows) => this.reader.summaries(rows),
    );
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
    const [row] = await runQuery(manager, authoring.hoursAndLessonMinutes, [versionId, chinaYearOf(now)]);
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
    const rows = await runQuery(manager, versions.versionByIdForUpdate, [versionId]);
    if (!rows.length) throw CourseErrors.versionNotFound();
    return rows[0];
  }

  private async validate(
    input: CourseContentInput,
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NormalizedContent> {
    const topics = await runQuery(manager, authoring.topicRefs, []);
    const { content, issues } = validateCourseContent(input, topics);
    if (!content) throw CourseErrors.invalidContent(issues);
    const fileIds = content.lessons.map((l) => l.contentFileId).filter((id): id is string => id !== null);
    const files = fileIds.length ? await runQuery(manager, authoring.lessonFileFacts, [fileIds]) : [];
    const fileIssues = checkLessonFiles(content.lessons, files, organizationId);
    const packageIds = content.lessons.map((l) => l.contentPackageId).filter((id): id is string => id !== null);
    const packages = packageIds.length ? await runQuery(manager, authoring.lessonPackageFacts, [packageIds]) : [];
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
    const topics = await runQuery(manager, authoring.topicCodesOfVersion, [row.id]);
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
      rows = await runQuery(manager, authoring.insertVersion, [courseId, organizationId, version, ...contentColumns(c, now)]);
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
    await runCommand(manager, authoring.updateContent, [versionId, ...contentColumns(c, this.clock.now())]);
    // A draft has no enrolments, hence no progress on its lessons: they can simply be replaced.
    await runCommand(manager, authoring.deleteVersionTopics, [versionId]);
    await runCommand(manager, authoring.deleteVersionLessons, [versionId]);
    await this.writeTopicsAndLessons(manager, versionId, c);
  }

  private async writeTopicsAndLessons(manager: EntityManager, versionId: string, c: NormalizedContent): Promise<void> {
    await runCommand(manager, authoring.insertVersionTopics, [versionId, c.topicIds]);
    await runCommand(manager, authoring.insertLessons, [
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
    ]);
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
    await runCommand(manager, authoring.updateOperational, [row.id, capacity, opens, closes, this.clock.now()]);
  }
}

/** The content columns of course_versions, in the order the INSERT and UPDATE statements take them. */
function contentColumns(c: NormalizedContent, at: Date): VersionContentParams {
  const a = c.attentionChecks;
  return [
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
    at,
    a?.minMinutes ?? null,
    a?.maxMinutes ?? null,
    a?.timeoutSeconds ?? DEFAULT_ATTENTION_CHECK_TIMEOUT_SECONDS,
    a?.fromBank ?? false,
  ];
}
