import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, OutboxWriter, runPrepared, runQuery } from '@cqo/core';
import { CourseExamLink } from './course-exam-link';
import { AttemptGrade, gradeAttempt } from './grading';
import { QuestionVersionCache } from './question-version-cache';
import * as sql from './sql/grading.sql';
import type { ClaimedAttempt, GradedItemRow } from './sql/grading.sql';

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
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly courses: CourseExamLink,
    private readonly versions: QuestionVersionCache,
    private readonly clock: Clock,
  ) {}

  async finalize(attemptId: string, who: FinalizeBy): Promise<FinalizeOutcome> {
    for (let round = 0; round < OPTIMISTIC_ROUNDS; round++) {
      const now = this.clock.now();
      const [a] = await runPrepared(this.dataSource, sql.loadForGrading, [attemptId]);
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
      const [claimed] = await runPrepared(this.dataSource, sql.claimAndGrade, [
        attemptId,
        now,
        who.by,
        a.answer_saves,
        grade.items.map((g) => g.correct),
        grade.items.map((g) => g.awardedPoints),
        grade.score,
        grade.percent,
        grade.passed,
        eventType,
        eventPayload,
      ]);
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
      const [claimed] =
        who.by === 'trainee'
          ? await runQuery(manager, sql.claimLockedByTrainee, [attemptId, now, who.by, who.traineeId])
          : await runQuery(manager, sql.claimLockedAtDeadline, [attemptId, now, who.by]);
      if (!claimed) return this.whyNot(manager, attemptId, who, now);

      // A separate statement on purpose: it takes a fresh snapshot after the update above waited
      // for any answer save still holding the row, so the last saved answers are the ones graded.
      const items = await runQuery(manager, sql.itemsWithKeys, [attemptId]);
      const grade = this.grade(items, claimed.pass_mark_percent);
      const [eventType, eventPayload] = this.gradedEvent(attemptId, claimed, grade, now);
      // Every item's grade, the capability conclusion, the score and the event: one statement.
      await runQuery(manager, sql.writeLockedGrade, [
        attemptId,
        grade.items.map((g) => g.correct),
        grade.items.map((g) => g.awardedPoints),
        grade.score,
        grade.percent,
        grade.passed,
        now,
        eventType,
        eventPayload,
      ]);
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
      items.map((i) => ({
        type: i.type,
        correctOptionIds: i.correct_option_ids,
        points: i.points,
        selectedOptionIds: i.selected_option_ids,
      })),
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
    const [row] = await runQuery(manager, sql.attemptState, [attemptId]);
    if (!row || (who.by === 'trainee' && row.trainee_id !== who.traineeId)) return { outcome: 'not_found' };
    if (row.status !== 'open') return { outcome: 'already_submitted' };
    return { outcome: 'not_due', dueInMs: Math.max(1, new Date(row.due).getTime() - now.getTime()) };
  }
}

export type { ClaimedAttempt, GradedItemRow } from './sql/grading.sql';
