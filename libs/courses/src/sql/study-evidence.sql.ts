import { defineQuery } from '@cqo/core';

// SQL of the evidence of online study (StudyEvidenceService). Tables: enrollments,
// course_versions, lesson_progress, study_sessions, attention_checks (courses).

export const evidenceEnrollmentQuery = defineQuery<[enrollmentId: string], { trainee_id: string; organization_id: string }>(
  'courses.evidence.enrollment',
  `SELECT e.trainee_id, v.organization_id FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id WHERE e.id = $1`,
);

export const evidenceProgressQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  { active_seconds: number; required_seconds: number; furthest_position: number; completed_at: Date | null; completed_via: string | null }
>(
  'courses.evidence.progress',
  'SELECT active_seconds, required_seconds, furthest_position, completed_at, completed_via FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
);

export const evidenceSessionsQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  {
    started_at: Date;
    ended_at: Date | null;
    ended_reason: string | null;
    device: string | null;
    credited_seconds: number;
    beats: number;
    uncredited_beats: number;
    watched: [number, number][];
  }
>(
  'courses.evidence.sessions',
  `SELECT started_at, ended_at, ended_reason, device, credited_seconds, beats, uncredited_beats, watched
         FROM study_sessions WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY started_at`,
);

export const evidenceChecksQuery = defineQuery<
  [enrollmentId: string, lessonId: string],
  {
    issued_at: Date;
    due_at: Date;
    answered_at: Date | null;
    kind: string;
    question_id: string | null;
    answer: string | null;
    passed: boolean | null;
  }
>(
  'courses.evidence.checks',
  'SELECT issued_at, due_at, answered_at, kind, question_id, answer, passed FROM attention_checks WHERE enrollment_id = $1 AND lesson_id = $2 ORDER BY issued_at',
);
