import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { EnrollmentStatus } from '../entities/enrollment.entity';

// SQL of enrolments made for others (RosterImportService, TraineeResolver,
// EnterpriseNominationsService): an organization's roster and an enterprise's nominations.
// Tables: course_versions, enrollments, lessons, lesson_progress (courses); trainees' names and
// enterprises and accounts' usernames through their libs' public views.

export const versionOrganization = defineQuery<[versionId: string], { organization_id: string }>(
  'courses.batch.versionOrganization',
  'SELECT organization_id FROM course_versions WHERE id = $1',
);

/** A version's seats and status, its row locked (the lock self-enrolment takes too). */
export const lockVersionSeats = defineQuery<
  [versionId: string],
  { course_id: string; status: string; capacity: number | null; seats_taken: number }
>('courses.batch.lockVersionSeats', 'SELECT course_id, status, capacity, seats_taken FROM course_versions WHERE id = $1 FOR UPDATE');

/** As {@link lockVersionSeats}, with the title and the enrolment window a nomination checks. */
export const lockVersionForNomination = defineQuery<
  [versionId: string],
  {
    course_id: string;
    title: string;
    status: string;
    capacity: number | null;
    seats_taken: number;
    opens: Date | null;
    closes: Date | null;
  }
>(
  'courses.batch.lockVersionForNomination',
  `SELECT course_id, title, status, capacity, seats_taken, enrollment_opens_at AS opens, enrollment_closes_at AS closes
             FROM course_versions WHERE id = $1 FOR UPDATE`,
);

/** The trainees' live (not withdrawn) enrolments in any version of the course. */
export const liveEnrollmentsInCourse = defineQuery<
  [courseId: string, traineeIds: string[]],
  { trainee_id: string; status: string; course_version_id: string }
>(
  'courses.batch.liveEnrollmentsInCourse',
  `SELECT trainee_id, status, course_version_id FROM enrollments WHERE course_id = $1 AND trainee_id = ANY($2::uuid[]) AND status <> 'withdrawn'`,
);

export const addSeatsTaken = defineQuery<[versionId: string, seats: number]>(
  'courses.batch.addSeatsTaken',
  'UPDATE course_versions SET seats_taken = seats_taken + $2 WHERE id = $1',
);

export const traineeNames = defineQuery<[userIds: string[]], { user_id: string; full_name: string; id_number_masked: string }>(
  'courses.batch.traineeNames',
  `SELECT user_id, full_name, id_number_masked FROM ${PUBLIC_TRAINEES} t WHERE user_id = ANY($1)`,
);

/** Trainee accounts by (lower-case) username. */
export const traineesByUsername = defineQuery<[usernames: string[]], { id: string; username: string }>(
  'courses.batch.traineesByUsername',
  `SELECT id, username FROM ${PUBLIC_USER_ACCOUNTS} u WHERE username = ANY($1) AND role = 'trainee'`,
);

/** A confirmed employee's live enrolment with its required lessons, done and in all. */
export interface StaffEnrollmentRow {
  id: string;
  trainee_id: string;
  course_version_id: string;
  title: string;
  category: number;
  kind: string;
  credit_hours: string;
  status: EnrollmentStatus;
  source: string;
  enrolled_at: Date;
  completed_at: Date | null;
  required_lessons: number;
  completed_required_lessons: number;
}

/** The live enrolments of the trainees who are employees of the enterprise, newest first. */
export const staffEnrollments = defineQuery<[traineeIds: string[], enterpriseId: string], StaffEnrollmentRow>(
  'courses.batch.staffEnrollments',
  `SELECT e.id, e.trainee_id, e.course_version_id, v.title, v.category, v.kind, v.credit_hours, e.status, e.source, e.enrolled_at, e.completed_at,
              (SELECT count(*)::int FROM lessons l WHERE l.course_version_id = v.id AND l.required) AS required_lessons,
              (SELECT count(*)::int FROM lessons l JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrollment_id = e.id
                WHERE l.course_version_id = v.id AND l.required AND p.completed_at IS NOT NULL) AS completed_required_lessons
         FROM enrollments e
         JOIN course_versions v ON v.id = e.course_version_id
         JOIN ${PUBLIC_TRAINEES} tp ON tp.user_id = e.trainee_id AND tp.enterprise_id = $2
        WHERE e.trainee_id = ANY($1::uuid[]) AND e.status <> 'withdrawn'
        ORDER BY e.enrolled_at DESC, e.id`,
);
