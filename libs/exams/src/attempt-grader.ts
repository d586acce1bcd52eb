import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, OutboxWriter } from '@cqo/core';
import { CourseExamLink } from './course-exam-link';
import { PaperKind, QuestionType, Submission } from './exam-types';
import { gradeAttempt } from './grading';

/** Who ends an attempt: its trainee (submit), or the deadline (the auto-submit job, a late read). */
export type FinalizeBy = { by: 'trainee'; traineeId: string } | { by: 'deadline' };

export type FinalizeOutcome =
  /** This call graded the attempt. */
  | { outcome: 'graded' }
  /** It was graded before (a double submit, or the job after a submit). */
  | { outcome: 'already_submitted' }
  /** The deadline (plus grace) has not passed yet: `dueInMs` from now. */
  | { outcome: 'not_due'; dueInMs: number }
  | { outcome: 'not_found' };

/**
 * Grades an attempt exactly once. The first statement flips the attempt from open to submitted
 * with a conditional update: of any number of parallel calls one wins; the others wait on the
 * row lock, then find it submitted and report so. Grading, its event, the capability result and
 * the course's final-exam pass all commit in that one transaction.
 */
@Injectable()
export class AttemptGrader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly courses: CourseExamLink,
    private readonly clock: Clock,
  ) {}

  async finalize(attemptId: string, who: FinalizeBy): Promise<FinalizeOutcome> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const params: unknown[] = [attemptId, now, who.by];
      let extra = '';
      if (who.by === 'trainee') {
        params.push(who.traineeId);
        extra = `AND a.trainee_id = $${params.length}`;
      } else {
        extra = `AND a.deadline_at + a.grace_seconds * interval '1 second' <= $2`;
      }
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [claimedRows]: [Claimed[], number] = await manager.query(
        `UPDATE exam_attempts a
            SET status = 'submitted', submitted_at = $2,
                -- A submit after the deadline and its grace counts as the deadline's.
                submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
           FROM exam_papers p
          WHERE a.id = $1 AND a.status = 'open' AND p.id = a.paper_id ${extra}
      RETURNING a.trainee_id, a.paper_id, a.pass_mark_percent, a.enrollment_id, a.submission,
                p.kind, p.title, p.organization_id, p.region_id`,
        params,
      );
      const claimed = claimedRows[0];
      if (!claimed) return this.whyNot(manager, attemptId, who, now);

      const items: RawItem[] = await manager.query(
        `SELECT i.position, i.points, i.selected_option_ids, v.type, v.correct_option_ids
           FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
          WHERE i.attempt_id = $1 ORDER BY i.position`,
        [attemptId],
      );
      const grade = gradeAttempt(
        items.map((i) => ({ type: i.type, correctOptionIds: i.correct_option_ids, points: i.points, selectedOptionIds: i.selected_option_ids })),
        claimed.pass_mark_percent,
      );
      await manager.query(
        `WITH graded AS (
           UPDATE exam_attempt_items i SET correct = x.correct, awarded_points = x.awarded
             FROM unnest($2::int[], $3::boolean[], $4::int[]) AS x(position, correct, awarded)
            WHERE i.attempt_id = $1 AND i.position = x.position
           RETURNING 1)
         UPDATE exam_attempts SET score = $5, percent = $6, passed = $7 WHERE id = $1`,
        [
          attemptId,
          items.map((i) => i.position),
          grade.items.map((g) => g.correct),
          grade.items.map((g) => g.awardedPoints),
          grade.score,
          grade.percent,
          grade.passed,
        ],
      );
      await this.outbox.record(manager, 'exam.attempt.graded', {
        attemptId,
        paperId: claimed.paper_id,
        traineeId: claimed.trainee_id,
        enrollmentId: claimed.enrollment_id,
        passed: grade.passed,
        score: grade.score,
        maxScore: grade.maxScore,
        percent: grade.percent,
        gradedAt: now.toISOString(),
      });
      if (claimed.kind === 'capability_test') {
        // The conclusion on the trainee's record (能力测试结论).
        await manager.query(
          `INSERT INTO capability_results (attempt_id, paper_id, trainee_id, organization_id, region_id, title, passed, score, max_score, percent, concluded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (attempt_id) DO NOTHING`,
          [attemptId, claimed.paper_id, claimed.trainee_id, claimed.organization_id, claimed.region_id, claimed.title, grade.passed, grade.score, grade.maxScore, grade.percent, now],
        );
      }
      if (claimed.kind === 'course_exam' && grade.passed && claimed.enrollment_id) {
        await this.courses.recordPassed(manager, claimed.enrollment_id, now);
      }
      return { outcome: 'graded' };
    });
  }

  private async whyNot(manager: EntityManager, attemptId: string, who: FinalizeBy, now: Date): Promise<FinalizeOutcome> {
    // Same connection as the transaction: a second one per loser could exhaust the pool under a burst.
    const [row]: { status: string; trainee_id: string; due: Date }[] = await manager.query(
      `SELECT status, trainee_id, deadline_at + grace_seconds * interval '1 second' AS due FROM exam_attempts WHERE id = $1`,
      [attemptId],
    );
    if (!row || (who.by === 'trainee' && row.trainee_id !== who.traineeId)) return { outcome: 'not_found' };
    if (row.status !== 'open') return { outcome: 'already_submitted' };
    return { outcome: 'not_due', dueInMs: Math.max(1, new Date(row.due).getTime() - now.getTime()) };
  }
}

interface Claimed {
  trainee_id: string;
  paper_id: string;
  pass_mark_percent: number;
  enrollment_id: string | null;
  submission: Submission;
  kind: PaperKind;
  title: string;
  organization_id: string | null;
  region_id: string | null;
}

interface RawItem {
  position: number;
  points: number;
  selected_option_ids: string[] | null;
  type: QuestionType;
  correct_option_ids: string[];
}
