import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@cqo/core';
import { CourseKind, CourseVersionStatus, DeliveryMode } from './entities/course-version.entity';
import { LessonType } from './entities/lesson.entity';

export interface TopicView {
  code: string;
  category: number;
  name: string;
}

export interface LessonView {
  id: string;
  position: number;
  title: string;
  type: LessonType;
  minutes: number;
  required: boolean;
  contentUrl: string | null;
  /** The hosted video or PDF, if one was uploaded. */
  content: LessonContentView | null;
  /** The imported content package of a cmi5 lesson. */
  contentPackageId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string | null;
  /** The xAPI activity IRI a content platform reports this lesson under. */
  activityId: string;
}

/** An uploaded lesson file as lists show it (the bytes come only through a signed URL). */
export interface LessonContentView {
  id: string;
  kind: 'video' | 'document';
  mimeType: string;
  sizeBytes: number;
  /** Real playing time of a video, from the file. */
  durationSeconds: number | null;
  originalName: string;
}

/** A course version without its lessons, as the catalog and lists show it. */
export interface CourseVersionSummary {
  id: string;
  courseId: string;
  organizationId: string;
  organizationName: string;
  version: number;
  status: CourseVersionStatus;
  title: string;
  description: string;
  category: number;
  kind: CourseKind;
  creditHours: string;
  deliveryMode: DeliveryMode;
  topics: TopicView[];
  capacity: number | null;
  seatsTaken: number;
  /** Null when the course has no seat limit. */
  seatsLeft: number | null;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  /** Published, inside the window and with a seat left, now. */
  enrollmentOpen: boolean;
  completionShare: string;
  finalExamPaperId: string | null;
  attentionChecks: { minMinutes: number; maxMinutes: number; timeoutSeconds: number; fromBank: boolean } | null;
  approvalNumber: string | null;
  reviewNote: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  publishedAt: Date | null;
  archivedAt: Date | null;
  updatedAt: Date;
}

export interface CourseVersionView extends CourseVersionSummary {
  lessons: LessonView[];
}

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

export const VERSION_COLUMNS = `v.id, v.course_id, v.organization_id, o.name AS organization_name, v.version, v.status, v.title,
  v.description, v.category, v.kind, v.credit_hours, v.delivery_mode, v.capacity, v.seats_taken, v.enrollment_opens_at,
  v.enrollment_closes_at, v.completion_share, v.final_exam_paper_id, v.attention_check_min_minutes, v.attention_check_max_minutes,
  v.attention_check_timeout_seconds, v.attention_check_from_bank, v.approval_number, v.review_note, v.submitted_at,
  v.reviewed_at, v.published_at, v.archived_at, v.updated_at`;

export const VERSION_FROM = 'course_versions v JOIN training_organizations o ON o.id = v.organization_id';

/** Whether a version takes enrolments at `now`: published, inside its window, with a seat left. */
export function enrollmentOpenAt(
  v: Pick<VersionRow, 'status' | 'enrollment_opens_at' | 'enrollment_closes_at' | 'capacity' | 'seats_taken'>,
  now: Date,
): boolean {
  return (
    v.status === 'published' &&
    (v.enrollment_opens_at === null || v.enrollment_opens_at <= now) &&
    (v.enrollment_closes_at === null || now < v.enrollment_closes_at) &&
    (v.capacity === null || v.seats_taken < v.capacity)
  );
}

/** Loads course versions with their topics (and lessons) by plain SQL and maps them to views. */
@Injectable()
export class CourseVersionReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async row(id: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow | null> {
    const rows: VersionRow[] = await manager.query(`SELECT ${VERSION_COLUMNS} FROM ${VERSION_FROM} WHERE v.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async summaries(rows: VersionRow[], manager: EntityManager = this.dataSource.manager): Promise<CourseVersionSummary[]> {
    if (!rows.length) return [];
    const topics: (TopicView & { course_version_id: string })[] = await manager.query(
      `SELECT cvt.course_version_id, t.code, t.category, t.name FROM course_version_topics cvt JOIN topics t ON t.id = cvt.topic_id
        WHERE cvt.course_version_id = ANY($1) ORDER BY t.sort_order`,
      [rows.map((r) => r.id)],
    );
    const now = this.clock.now();
    return rows.map((r) => ({
      id: r.id,
      courseId: r.course_id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      version: r.version,
      status: r.status,
      title: r.title,
      description: r.description,
      category: r.category,
      kind: r.kind,
      creditHours: r.credit_hours,
      deliveryMode: r.delivery_mode,
      topics: topics.filter((t) => t.course_version_id === r.id).map((t) => ({ code: t.code, category: t.category, name: t.name })),
      capacity: r.capacity,
      seatsTaken: r.seats_taken,
      seatsLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.seats_taken),
      enrollmentOpensAt: r.enrollment_opens_at,
      enrollmentClosesAt: r.enrollment_closes_at,
      enrollmentOpen: enrollmentOpenAt(r, now),
      completionShare: r.completion_share,
      finalExamPaperId: r.final_exam_paper_id,
      attentionChecks:
        r.attention_check_min_minutes === null || r.attention_check_max_minutes === null
          ? null
          : {
              minMinutes: r.attention_check_min_minutes,
              maxMinutes: r.attention_check_max_minutes,
              timeoutSeconds: r.attention_check_timeout_seconds,
              fromBank: r.attention_check_from_bank,
            },
      approvalNumber: r.approval_number,
      reviewNote: r.review_note,
      submittedAt: r.submitted_at,
      reviewedAt: r.reviewed_at,
      publishedAt: r.published_at,
      archivedAt: r.archived_at,
      updatedAt: r.updated_at,
    }));
  }

  async view(row: VersionRow, manager: EntityManager = this.dataSource.manager): Promise<CourseVersionView> {
    const [summary] = await this.summaries([row], manager);
    return { ...summary, lessons: await this.lessons(row.id, manager) };
  }

  async lessons(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<LessonView[]> {
    const rows: LessonRow[] = await manager.query(
      `SELECT l.id, l.position, l.title, l.type, l.minutes, l.required, l.content_url, l.starts_at, l.ends_at, l.venue, l.content_package_id,
              f.id AS file_id, f.kind AS file_kind, f.mime_type, f.size_bytes, f.duration_seconds, f.original_name
         FROM lessons l LEFT JOIN content_files f ON f.id = l.content_file_id
        WHERE l.course_version_id = $1 ORDER BY l.position`,
      [versionId],
    );
    return rows.map((l) => ({
      id: l.id,
      position: l.position,
      title: l.title,
      type: l.type,
      minutes: l.minutes,
      required: l.required,
      contentUrl: l.content_url,
      content: l.file_id
        ? {
            id: l.file_id,
            kind: l.file_kind!,
            mimeType: l.mime_type!,
            sizeBytes: Number(l.size_bytes),
            durationSeconds: l.duration_seconds,
            originalName: l.original_name!,
          }
        : null,
      contentPackageId: l.content_package_id,
      startsAt: l.starts_at,
      endsAt: l.ends_at,
      venue: l.venue,
      activityId: lessonActivityId(this.config.publicBaseUrl, l.id),
    }));
  }
}

interface LessonRow {
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
  file_id: string | null;
  file_kind: 'video' | 'document' | null;
  mime_type: string | null;
  size_bytes: string | null;
  duration_seconds: number | null;
  original_name: string | null;
  content_package_id: string | null;
}

/** `${PUBLIC_BASE_URL}/xapi/activities/lessons/<lessonId>`: the IRI xAPI statements name a lesson by. */
export function lessonActivityId(publicBaseUrl: string, lessonId: string): string {
  return `${publicBaseUrl}/xapi/activities/lessons/${lessonId}`;
}
