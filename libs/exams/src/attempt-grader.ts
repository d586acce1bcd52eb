import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, OutboxWriter, preparedQuery } from '@cqo/core';
import { CourseExamLink } from './course-exam-link';
import { PaperKind, QuestionType, RevealPolicy, StoredOption, Submission } from './exam-types';
import { AttemptGrade, gradeAttempt } from './grading';
import { QuestionVersionCache } from './question-version-cache';

/** Who ends an attempt: its trainee (submit), or the deadline (the auto-submit job, a late read). */
export type FinalizeBy = { by: 'trainee'; traineeId: string } | { by: 'deadline' };

/** An attempt as the grading transaction left it, with everything needed to show it. */
export interface GradedAttempt {
  attempt: ClaimedAttempt;
  items: GradedItemRow[];
  grade: AttemptGrade;
}

export type FinalizeOutcome =
  /** This call graded the attempt. */
  | { outcome: 'graded'; graded: GradedAttempt }
  /** It was graded before (a double submit, or the job after a submit). */
  | { outcome: 'already_submitted' }
  /** The deadline (plus grace) has not passed yet: `dueInMs` from now. */
  | { outcome: 'not_due'; dueInMs: number }
  | { outcome: 'not_found' };

/** Conflicting answer saves tolerated before grading waits for the row lock instead. */
const OPTIMISTIC_ROUNDS = 3;

/**
 * Grades an attempt exactly once. Usually in two statements and no transaction: one reads the
 * attempt and its answers (the keys and texts come from the version cache), the answers are
 * graded here, and one statement claims the attempt (open, and no answer save since the read:
 * `answer_saves` unchanged) and writes the score, every item's grade, the capability conclusion
 * and the event. Of any number of parallel calls one claim wins; a save in between makes the claim
 * miss, and the answers are read again. A course exam's pass also completes the course, which
 * another lib writes: those are graded by {@link finalizeLocked}, in one transaction.
 */
@Injectable()
export class AttemptGrader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly courses: CourseExamLink,
    private readonly versions: QuestionVersionCache,
    private readonly clock: Clock,
  ) {}

  async finalize(attemptId: string, who: FinalizeBy): Promise<FinalizeOutcome> {
    for (let round = 0; round < OPTIMISTIC_ROUNDS; round++) {
      const now = this.clock.now();
      const [a] = await preparedQuery<LoadedAttempt>(
        this.dataSource,
        'cqo_exam_grading_load',
        `SELECT a.id, a.trainee_id, a.paper_id, a.attempt_no, a.status, a.answer_saves, a.started_at, a.deadline_at, a.grace_seconds,
                a.question_count, a.max_score, a.pass_mark_percent, a.reveal_answers, a.enrollment_id,
                p.kind, p.title, p.organization_id, p.region_id,
                (SELECT json_agg(json_build_object('position', i.position, 'version_id', i.question_version_id, 'points', i.points,
                                                   'option_order', i.option_order, 'selected_option_ids', i.selected_option_ids) ORDER BY i.position)
                   FROM exam_attempt_items i WHERE i.attempt_id = a.id) AS items
           FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id
          WHERE a.id = $1`,
        [attemptId],
      );
      if (!a || (who.by === 'trainee' && a.trainee_id !== who.traineeId)) return { outcome: 'not_found' };
      if (a.status !== 'open') return { outcome: 'already_submitted' };
      const due = new Date(a.deadline_at).getTime() + a.grace_seconds * 1000;
      if (who.by === 'deadline' && due > now.getTime()) return { outcome: 'not_due', dueInMs: Math.max(1, due - now.getTime()) };
      if (a.kind === 'course_exam') return this.finalizeLocked(attemptId, who);

      const stored = a.items ?? [];
      const bodies = await this.versions.bodies(stored.map((i) => i.version_id));
      const items: GradedItemRow[] = stored.map((i) => {
        const body = bodies.get(i.version_id)!;
        return {
          position: i.position,
          points: i.points,
          option_order: i.option_order,
          selected_option_ids: i.selected_option_ids,
          type: body.type,
          stem: body.stem,
          options: body.options,
          correct_option_ids: body.correctOptionIds,
          explanation: body.explanation,
        };
      });
      const grade = this.grade(items, a.pass_mark_percent);
      const [eventType, eventPayload] = this.gradedEvent(attemptId, a, grade, now);
      // The claim, the score, every item's grade, the capability conclusion and the event: one statement.
      const [claimed] = await preparedQuery<{ submitted_at: Date; submission: Submission }>(
        this.dataSource,
        'cqo_exam_grading_write',
        `WITH claimed AS (
           UPDATE exam_attempts a
              SET status = 'submitted', submitted_at = $2, score = $8, percent = $9, passed = $10,
                  -- A submit after the deadline and its grace counts as the deadline's.
                  submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
            WHERE a.id = $1 AND a.status = 'open' AND a.answer_saves = $4
              AND ($3 = 'trainee' OR a.deadline_at + a.grace_seconds * interval '1 second' <= $2)
           RETURNING a.id, a.paper_id, a.trainee_id, a.max_score, a.submitted_at, a.submission),
         graded AS (
           UPDATE exam_attempt_items i SET correct = x.correct, awarded_points = x.awarded
             FROM claimed, unnest($5::int[], $6::boolean[], $7::int[]) AS x(position, correct, awarded)
            WHERE i.attempt_id = claimed.id AND i.position = x.position),
         -- A capability test's conclusion goes on the trainee's record (能力测试结论).
         conclusion AS (
           INSERT INTO capability_results (attempt_id, paper_id, trainee_id, organization_id, region_id, title, passed, score, max_score, percent, concluded_at)
           SELECT c.id, c.paper_id, c.trainee_id, p.organization_id, p.region_id, p.title, $10, $8, c.max_score, $9, $2
             FROM claimed c JOIN exam_papers p ON p.id = c.paper_id
            WHERE p.kind = 'capability_test'
           ON CONFLICT (attempt_id) DO NOTHING),
         event AS (
           INSERT INTO outbox_events (type, payload) SELECT $11, $12::jsonb FROM claimed)
         SELECT submitted_at, submission FROM claimed`,
        [
          attemptId,
          now,
          who.by,
          a.answer_saves,
          items.map((i) => i.position),
          grade.items.map((g) => g.correct),
          grade.items.map((g) => g.awardedPoints),
          grade.score,
          grade.percent,
          grade.passed,
          eventType,
          eventPayload,
        ],
      );
      // Not claimed: submitted by a parallel call, or answers saved since the read. Read again.
      if (!claimed) continue;
      this.outbox.committed(this.dataSource);
      const attempt: ClaimedAttempt = {
        id: a.id,
        trainee_id: a.trainee_id,
        paper_id: a.paper_id,
        attempt_no: a.attempt_no,
        started_at: a.started_at,
        deadline_at: a.deadline_at,
        grace_seconds: a.grace_seconds,
        submitted_at: claimed.submitted_at,
        submission: claimed.submission,
        question_count: a.question_count,
        max_score: a.max_score,
        pass_mark_percent: a.pass_mark_percent,
        reveal_answers: a.reveal_answers,
        enrollment_id: a.enrollment_id,
        kind: a.kind,
        title: a.title,
        organization_id: a.organization_id,
        region_id: a.region_id,
      };
      return { outcome: 'graded', graded: { attempt, items, grade } };
    }
    // Saves keep landing between read and claim: wait for the row lock instead.
    return this.finalizeLocked(attemptId, who);
  }

  /**
   * The locking way: the first statement flips the attempt from open to submitted with a
   * conditional update (parallel calls wait on the row lock, then find it submitted); grading,
   * its event, the capability result and the course's final-exam pass commit in one transaction.
   */
  async finalizeLocked(attemptId: string, who: FinalizeBy): Promise<FinalizeOutcome> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager): Promise<FinalizeOutcome> => {
      const params: unknown[] = [attemptId, now, who.by];
      let extra = '';
      if (who.by === 'trainee') {
        params.push(who.traineeId);
        extra = `AND a.trainee_id = $${params.length}`;
      } else {
        extra = `AND a.deadline_at + a.grace_seconds * interval '1 second' <= $2`;
      }
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [claimedRows]: [ClaimedAttempt[], number] = await manager.query(
        `UPDATE exam_attempts a
            SET status = 'submitted', submitted_at = $2,
                -- A submit after the deadline and its grace counts as the deadline's.
                submission = CASE WHEN $2 > a.deadline_at + a.grace_seconds * interval '1 second' THEN 'deadline' ELSE $3 END
           FROM exam_papers p
          WHERE a.id = $1 AND a.status = 'open' AND p.id = a.paper_id ${extra}
      RETURNING a.id, a.trainee_id, a.paper_id, a.attempt_no, a.started_at, a.deadline_at, a.grace_seconds, a.submitted_at,
                a.submission, a.question_count, a.max_score, a.pass_mark_percent, a.reveal_answers, a.enrollment_id,
                p.kind, p.title, p.organization_id, p.region_id`,
        params,
      );
      const claimed = claimedRows[0];
      if (!claimed) return this.whyNot(manager, attemptId, who, now);

      // A separate statement on purpose: it takes a fresh snapshot after the update above waited
      // for any answer save still holding the row, so the last saved answers are the ones graded.
      const items: GradedItemRow[] = await manager.query(
        `SELECT i.position, i.points, i.option_order, i.selected_option_ids, v.type, v.stem, v.options, v.correct_option_ids, v.explanation
           FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
          WHERE i.attempt_id = $1 ORDER BY i.position`,
        [attemptId],
      );
      const grade = this.grade(items, claimed.pass_mark_percent);
      const [eventType, eventPayload] = this.gradedEvent(attemptId, claimed, grade, now);
      // Every item's grade, the capability conclusion, the score and the event: one statement.
      await manager.query(
        `WITH graded AS (
           UPDATE exam_attempt_items i SET correct = x.correct, awarded_points = x.awarded
             FROM unnest($2::int[], $3::boolean[], $4::int[]) AS x(position, correct, awarded)
            WHERE i.attempt_id = $1 AND i.position = x.position
           RETURNING 1),
         -- A capability test's conclusion goes on the trainee's record (能力测试结论).
         conclusion AS (
           INSERT INTO capability_results (attempt_id, paper_id, trainee_id, organization_id, region_id, title, passed, score, max_score, percent, concluded_at)
           SELECT a.id, a.paper_id, a.trainee_id, p.organization_id, p.region_id, p.title, $7, $5, a.max_score, $6, $8
             FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id
            WHERE a.id = $1 AND p.kind = 'capability_test'
           ON CONFLICT (attempt_id) DO NOTHING
           RETURNING 1),
         event AS (
           INSERT INTO outbox_events (type, payload) VALUES ($9, $10::jsonb) RETURNING 1)
         UPDATE exam_attempts SET score = $5, percent = $6, passed = $7 WHERE id = $1`,
        [
          attemptId,
          items.map((i) => i.position),
          grade.items.map((g) => g.correct),
          grade.items.map((g) => g.awardedPoints),
          grade.score,
          grade.percent,
          grade.passed,
          now,
          eventType,
          eventPayload,
        ],
      );
      if (claimed.kind === 'course_exam' && grade.passed && claimed.enrollment_id) {
        await this.courses.recordPassed(manager, claimed.enrollment_id, now);
      }
      return { outcome: 'graded', graded: { attempt: claimed, items, grade } };
    });
    if (outcome.outcome === 'graded') this.outbox.committed(this.dataSource);
    return outcome;
  }

  /** Grades the items (in position order) and marks each one correct or not. */
  private grade(items: GradedItemRow[], passMarkPercent: number): AttemptGrade {
    const grade = gradeAttempt(
      items.map((i) => ({ type: i.type, correctOptionIds: i.correct_option_ids, points: i.points, selectedOptionIds: i.selected_option_ids })),
      passMarkPercent,
    );
    items.forEach((item, n) => {
      item.correct = grade.items[n].correct;
    });
    return grade;
  }

  private gradedEvent(
    attemptId: string,
    a: { paper_id: string; trainee_id: string; enrollment_id: string | null },
    grade: AttemptGrade,
    now: Date,
  ): [string, string] {
    return this.outbox.eventValues('exam.attempt.graded', {
      attemptId,
      paperId: a.paper_id,
      traineeId: a.trainee_id,
      enrollmentId: a.enrollment_id,
      passed: grade.passed,
      score: grade.score,
      maxScore: grade.maxScore,
      percent: grade.percent,
      gradedAt: now.toISOString(),
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

export interface ClaimedAttempt {
  id: string;
  trainee_id: string;
  paper_id: string;
  attempt_no: number;
  started_at: Date;
  deadline_at: Date;
  grace_seconds: number;
  submitted_at: Date;
  submission: Submission;
  question_count: number;
  max_score: number;
  pass_mark_percent: number;
  reveal_answers: RevealPolicy;
  enrollment_id: string | null;
  kind: PaperKind;
  title: string;
  organization_id: string | null;
  region_id: string | null;
}

/** An item with its key: for grading and, filtered through the trainee view, for the response. */
export interface GradedItemRow {
  position: number;
  points: number;
  option_order: string[];
  selected_option_ids: string[] | null;
  type: QuestionType;
  stem: string;
  options: StoredOption[];
  correct_option_ids: string[];
  explanation: string | null;
  correct?: boolean;
}

/** An attempt and its stored answers, as grading reads them before claiming it. */
interface LoadedAttempt extends Omit<ClaimedAttempt, 'submitted_at' | 'submission'> {
  status: string;
  answer_saves: number;
  items: { position: number; version_id: string; points: number; option_order: string[]; selected_option_ids: string[] | null }[] | null;
}
