import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, runQuery } from '@cqo/core';
import { CourseKind, CourseVersionStatus, DeliveryMode } from './entities/course-version.entity';
import { LessonType } from './entities/lesson.entity';
import * as sql from './sql/course-versions.sql';
import type { VersionRow } from './sql/course-versions.sql';

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

export type { VersionRow } from './sql/course-versions.sql';

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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async row(id: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow | null> {
    const rows = await runQuery(manager, sql.versionById, [id]);
    return rows[0] ?? null;
  }

  async summaries(rows: VersionRow[], manager: EntityManager = this.dataSource.manager): Promise<CourseVersionSummary[]> {
    if (!rows.length) return [];
    const topics = await runQuery(manager, sql.topicsOfVersions, [rows.map((r) => r.id)]);
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
    const rows = await runQuery(manager, sql.lessonsOfVersion, [versionId]);
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

/** `${PUBLIC_BASE_URL}/xapi/activities/lessons/<lessonId>`: the IRI xAPI statements name a lesson by. */
export function lessonActivityId(publicBaseUrl: string, lessonId: string): string {
  return `${publicBaseUrl}/xapi/activities/lessons/${lessonId}`;
}
