import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  FieldIssue,
  isUniqueViolation,
  OutboxWriter,
  Page,
  PageRequest,
  regionContains,
  runCommand,
  runPage,
  runPrepared,
  runQuery,
  runTemplate,
} from '@cqo/core';
import { regionPathOf } from '@cqo/organizations';
import { traineeRegionPath } from '@cqo/trainees';
import { AttemptGrader, FinalizeOutcome, GradedItemRow } from './attempt-grader';
import { CourseExamLink } from './course-exam-link';
import { drawAttempt, DrawnItem, DrawShortage } from './draw';
import { ExamPaperEntity } from './entities/exam-paper.entity';
import { AttemptStatus, PaperKind, QuestionType, RevealPolicy, StoredOption, Submission } from './exam-types';
import { ExamErrors } from './exams.errors';
import { newSeed } from './prng';
import { PaperDrawCache, PaperDrawSource, StartPaper } from './paper-draw-cache';
import { QuestionVersionBody, QuestionVersionCache } from './question-version-cache';
import * as sql from './sql/attempts.sql';
import { AttemptRow, HistoryRow, StartRow } from './sql/attempts.sql';

/** A question of an attempt as the trainee sees it: no key, no grade. */
export interface TraineeItemView {
  position: number;
  type: QuestionType;
  stem: string;
  points: number;
  /** In the order shown; ids are random, never positions. */
  options: StoredOption[];
  selectedOptionIds: string[];
}

/** The answer key of one item, shown only when the paper's review policy allows it. */
export interface ReviewItemView {
  position: number;
  correctOptionIds: string[];
  correct: boolean;
  explanation: string | null;
}

export interface AttemptResultView {
  score: number;
  maxScore: number;
  percent: string;
  passed: boolean;
  passMarkPercent: number;
}

export interface TraineeAttemptView {
  id: string;
  paperId: string;
  paperTitle: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date;
  /** Answers are accepted until here (the deadline plus the paper's grace). */
  acceptsAnswersUntil: Date;
  submittedAt: Date | null;
  submission: Submission | null;
  questionCount: number;
  items: TraineeItemView[];
  /** After submission: the score. Never per item. */
  result: AttemptResultView | null;
  /** After submission, and only if the paper shows answers for this outcome. */
  review: ReviewItemView[] | null;
}

export interface TraineeAttemptSummary {
  id: string;
  paperId: string;
  paperTitle: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  result: AttemptResultView | null;
}

/** A paper as a trainee sees it before starting: the rules of sitting it and where they stand. */
export interface TraineePaperView {
  id: string;
  kind: PaperKind;
  title: string;
  description: string | null;
  questionCount: number;
  maxScore: number;
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts: number | null;
  attemptsUsed: number;
  cooldownMinutes: number;
  /** When the next attempt may start (cooldown); null when it may start now or never. */
  nextAttemptAt: Date | null;
  openAttemptId: string | null;
  passed: boolean;
  revealAnswers: RevealPolicy;
}

export interface AnswerInput {
  position: number;
  optionIds: string[];
}

/**
 * A trainee's side of exams: starting an attempt (the server draws the questions and fixes the
 * deadline), saving answers as they go, submitting. Nothing here returns an answer key, a
 * per-item grade, or anything about questions the attempt did not show, except the review the
 * paper's policy allows after submission.
 */
@Injectable()
export class AttemptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly draws: PaperDrawCache,
    private readonly versions: QuestionVersionCache,
    private readonly grader: AttemptGrader,
    private readonly courses: CourseExamLink,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts an attempt, or returns the open one (one open attempt per trainee per paper). Checks
   * eligibility, the attempt limit and the cooldown; then draws and freezes the questions. The
   * paper and its pool come from memory ({@link PaperDrawCache}), the draw runs here, and the
   * checks and every write are one prepared statement.
   */
  async start(actor: Actor, paperId: string): Promise<TraineeAttemptView> {
    let fresh = false;
    for (let round = 0; ; round++) {
      const source = await this.draws.get(paperId, fresh);
      const paper = source.paper;
      let enrollmentId: string | null;
      try {
        enrollmentId = await this.eligibility(actor, paper);
      } catch (error) {
        // An attempt already open stays the trainee's to finish, as before eligibility was checked.
        const openId = await this.openAttemptId(paperId, actor.userId);
        if (openId) return this.getOwn(actor, openId);
        throw error;
      }
      let outcome: StartOutcome;
      try {
        outcome = await this.createAttempt(actor, source, enrollmentId);
      } catch (error) {
        // A parallel start won the race: hand back its attempt.
        if (
          isUniqueViolation(error, 'ux_exam_attempts_paper_id_trainee_id_open') ||
          isUniqueViolation(error, 'ux_exam_attempts_paper_id_trainee_id_attempt_no')
        ) {
          const winner = await this.openAttemptId(paperId, actor.userId);
          if (winner) return this.getOwn(actor, winner);
        }
        throw error;
      }
      if (outcome.kind === 'started') {
        this.outbox.committed(this.dataSource);
        return outcome.view;
      }
      if (outcome.kind === 'open') {
        const view = await this.getOwn(actor, outcome.attemptId);
        if (view.status === 'open') return view;
        // The open attempt was past its deadline and has just been graded: its outcome counts next round.
      } else if (outcome.kind === 'paper_changed') {
        this.draws.forget(paperId);
        throw outcome.error;
      } else if (!fresh) {
        // The bank changed since the pool was read (another process edited it): read it again and redraw.
        fresh = true;
      } else if (outcome.kind === 'short') {
        // Questions were archived since publishing: the paper cannot be sat until the bank is refilled.
        throw ExamErrors.drawPoolTooSmall([{ field: `drawRules[${outcome.ruleIndex}].count`, message: '题库中符合规则的试题不足' }]);
      }
      // Each round follows a change by someone else (a grading, an edit of the bank); a few are plenty.
      if (round >= 3) throw new Error(`exam start of paper ${paperId} did not settle after ${round + 1} rounds`);
    }
  }

  /** Saves answers (a batch of items); an empty selection clears an item. */
  async saveAnswers(actor: Actor, attemptId: string, answers: AnswerInput[]): Promise<{ saved: number; savedAt: Date }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // Counting the save locks the attempt until commit and tells grading that answers changed:
      // a grading that read the answers before this save does not claim the attempt (it reads
      // them again), and a claim that came first makes this save find the attempt submitted.
      // (A refused save rolls back, count included.)
      const {
        rows: [attempt],
      } = await runCommand(manager, sql.countAnswerSave, [attemptId, actor.userId]);
      if (!attempt) throw ExamErrors.attemptNotFound();
      if (attempt.status !== 'open') throw ExamErrors.attemptClosed();
      if (now.getTime() > new Date(attempt.due).getTime()) throw ExamErrors.attemptExpired();

      const positions = answers.map((a) => a.position);
      const items = await runQuery(manager, sql.itemsToAnswer, [attemptId, positions]);
      const byPosition = new Map(items.map((i) => [i.position, i]));
      const issues: FieldIssue[] = [];
      const seen = new Set<number>();
      const rows = answers.map((a, i) => {
        const item = byPosition.get(a.position);
        const ids = [...new Set(a.optionIds)];
        if (!item) issues.push({ field: `answers[${i}].position`, message: '本次考试没有该题' });
        else if (ids.some((id) => !item.option_order.includes(id)))
          issues.push({ field: `answers[${i}].optionIds`, message: '选项不属于该题' });
        else if (item.type !== 'multiple' && ids.length > 1)
          issues.push({ field: `answers[${i}].optionIds`, message: '单选题和判断题只能选一个选项' });
        if (seen.has(a.position)) issues.push({ field: `answers[${i}].position`, message: '同一题目重复作答' });
        seen.add(a.position);
        return { position: a.position, ids: ids.length > 0 ? ids : null };
      });
      if (issues.length > 0) throw ExamErrors.answerInvalid(issues);
      await runQuery(manager, sql.saveAnswers, [attemptId, JSON.stringify(rows), now]);
      return { saved: rows.length, savedAt: now };
    });
  }

  /** Grades the attempt once; a repeated or parallel submit returns the same result. */
  async submit(actor: Actor, attemptId: string): Promise<TraineeAttemptView> {
    const outcome = await this.grader.finalize(attemptId, { by: 'trainee', traineeId: actor.userId });
    if (outcome.outcome === 'not_found') throw ExamErrors.attemptNotFound();
    if (outcome.outcome !== 'graded') return this.getOwn(actor, attemptId);
    // The grading transaction read everything the answer needs: no second round of queries.
    const { attempt: a, items, grade } = outcome.graded;
    const row: AttemptRow = {
      ...a,
      status: 'submitted',
      score: grade.score,
      percent: grade.percent,
      passed: grade.passed,
      paper_title: a.title,
    };
    return viewOf(row, items);
  }

  /** The auto-submit job: grades what was saved once the deadline and grace have passed. */
  autoSubmit(attemptId: string): Promise<FinalizeOutcome> {
    return this.grader.finalize(attemptId, { by: 'deadline' });
  }

  async getOwn(actor: Actor, attemptId: string): Promise<TraineeAttemptView> {
    let row = await this.ownAttempt(actor, attemptId);
    if (row.status === 'open' && this.clock.now().getTime() > acceptsUntil(row).getTime()) {
      // Past the deadline and the job has not run yet (or Redis lost it): grade now.
      await this.grader.finalize(attemptId, { by: 'deadline' });
      row = await this.ownAttempt(actor, attemptId);
    }
    // The key columns are read only when the review policy shows them.
    const items = (await runTemplate(this.dataSource, sql.attemptItems, { keyColumns: mayReveal(row) ? sql.ITEM_KEY_COLUMNS : '' }, [
      attemptId,
    ])) as GradedItemRow[];
    return viewOf(row, items);
  }

  async listOwn(actor: Actor, page: PageRequest, paperId?: string): Promise<Page<TraineeAttemptSummary>> {
    return runPage(
      this.dataSource,
      { count: sql.countOwnAttempts, rows: sql.listOwnAttempts },
      [actor.userId, paperId ?? null],
      page,
      summaryOf,
    );
  }

  /** A published paper as a trainee sees it before starting, with their attempts so far. */
  async paperForTrainee(actor: Actor, paperId: string): Promise<TraineePaperView> {
    const paper = await this.publishedPaper(paperId, true);
    const [counts] = await runQuery(this.dataSource, sql.fixedQuestionTotals, [paperId]);
    const history = await this.history(this.dataSource.manager, paperId, actor.userId);
    const nextAttemptAt =
      history.lastSubmittedAt && paper.cooldownMinutes > 0
        ? new Date(history.lastSubmittedAt.getTime() + paper.cooldownMinutes * 60_000)
        : null;
    return {
      id: paper.id,
      kind: paper.kind,
      title: paper.title,
      description: paper.description,
      questionCount: Number(counts.fixed_count) + paper.drawRules.reduce((n, r) => n + r.count, 0),
      maxScore: Number(counts.fixed_points ?? 0) + paper.drawRules.reduce((n, r) => n + r.count * r.points, 0),
      passMarkPercent: paper.passMarkPercent,
      timeLimitMinutes: paper.timeLimitMinutes,
      maxAttempts: paper.maxAttempts,
      attemptsUsed: history.count,
      cooldownMinutes: paper.cooldownMinutes,
      nextAttemptAt: nextAttemptAt && nextAttemptAt > this.clock.now() ? nextAttemptAt : null,
      openAttemptId: history.openId,
      passed: history.passed,
      revealAnswers: paper.revealAnswers,
    };
  }

  /** Published capability tests the trainee may take (course exams are reached through their course). */
  async availableCapabilityTests(actor: Actor): Promise<TraineePaperView[]> {
    const regionPath = await this.traineeRegionPath(actor.userId);
    const rows = await runQuery(this.dataSource, sql.publishedCapabilityTests, []);
    const visible = rows.filter((r) => r.owner_path === null || (regionPath !== null && regionContains(r.owner_path, regionPath)));
    return Promise.all(visible.map((r) => this.paperForTrainee(actor, r.id)));
  }

  /**
   * Draws in memory and, in one prepared statement, checks the paper is still published, reads
   * the trainee's attempts at it (open one, passed, limit, cooldown), checks every drawn version
   * is still current and active, and writes the attempt, its items and its event (atomic on its
   * own: no transaction round trips). The items shown come from the version cache. Races are
   * settled by the unique indexes on open attempts and attempt numbers.
   */
  private async createAttempt(actor: Actor, source: PaperDrawSource, enrollmentId: string | null): Promise<StartOutcome> {
    const now = this.clock.now();
    const paper = source.paper;
    const seed = newSeed();
    let drawn: DrawnItem[];
    try {
      drawn = drawAttempt({
        seed,
        fixed: source.fixed,
        rules: paper.drawRules,
        pool: source.pool,
        shuffleQuestions: paper.shuffleQuestions,
        shuffleOptions: paper.shuffleOptions,
      });
    } catch (error) {
      // Perhaps only this pool is old: the caller reads it again before refusing.
      if (error instanceof DrawShortage) return { kind: 'short', ruleIndex: error.ruleIndex };
      throw error;
    }
    const bodies = await this.versions.bodies(drawn.map((d) => d.versionId));
    const fixedIds = new Set(source.fixed.map((f) => f.candidate.questionId));
    const attemptId = randomUUID();
    const deadline = new Date(now.getTime() + paper.timeLimitMinutes * 60_000);
    const maxScore = drawn.reduce((n, d) => n + d.points, 0);
    const [eventType, eventPayload] = this.outbox.eventValues('exam.attempt.started', {
      attemptId,
      deadline: deadline.toISOString(),
      autoSubmitAt: new Date(deadline.getTime() + paper.graceSeconds * 1000).toISOString(),
    });
    // Option orders travel as JSON: unnest cannot take a ragged text[][].
    const [r] = await runPrepared(this.dataSource, sql.startAttempt, [
      attemptId,
      paper.id,
      actor.userId,
      seed,
      enrollmentId,
      now,
      deadline,
      paper.graceSeconds,
      paper.passMarkPercent,
      paper.revealAnswers,
      drawn.length,
      maxScore,
      paper.maxAttempts,
      paper.cooldownMinutes,
      drawn.filter((d) => !fixedIds.has(d.questionId)).map((d) => d.versionId),
      JSON.stringify(drawn.map((d) => ({ position: d.position, version_id: d.versionId, points: d.points, option_order: d.optionOrder }))),
      eventType,
      eventPayload,
      drawn.filter((d) => fixedIds.has(d.questionId)).map((d) => d.versionId),
    ]);
    if (r.attempt_no === null) return this.notStarted(r, paper, now);
    const row: AttemptRow = {
      id: attemptId,
      paper_id: paper.id,
      paper_title: paper.title,
      trainee_id: actor.userId,
      attempt_no: r.attempt_no,
      status: 'open',
      started_at: now,
      deadline_at: deadline,
      grace_seconds: paper.graceSeconds,
      submitted_at: null,
      submission: null,
      score: null,
      max_score: maxScore,
      percent: null,
      passed: null,
      pass_mark_percent: paper.passMarkPercent,
      reveal_answers: paper.revealAnswers,
      question_count: drawn.length,
    };
    const items = drawn.map((d): GradedItemRow => {
      const body = bodies.get(d.versionId)!;
      return { ...itemOf(body), position: d.position, points: d.points, option_order: d.optionOrder, selected_option_ids: null };
    });
    return { kind: 'started', view: viewOf(row, items) };
  }

  /** Why the start statement wrote nothing, in the order the checks were always made. */
  private notStarted(r: StartRow, paper: StartPaper, now: Date): StartOutcome {
    if (r.status === null || r.status === 'draft') return { kind: 'paper_changed', error: ExamErrors.paperNotFound() };
    if (r.status !== 'published') return { kind: 'paper_changed', error: ExamErrors.paperNotPublished() };
    if (r.open_id) return { kind: 'open', attemptId: r.open_id };
    if (r.passed) throw ExamErrors.alreadyPassed();
    if (paper.maxAttempts !== null && r.count >= paper.maxAttempts) throw ExamErrors.attemptsExhausted(paper.maxAttempts);
    if (r.last_submitted_at && paper.cooldownMinutes > 0) {
      const until = new Date(new Date(r.last_submitted_at).getTime() + paper.cooldownMinutes * 60_000);
      if (until > now) throw ExamErrors.cooldownActive(until);
    }
    if (!r.current) return { kind: 'stale' };
    throw new Error(`exam start of paper ${paper.id} wrote nothing for no known reason`);
  }

  private async history(manager: EntityManager, paperId: string, traineeId: string): Promise<AttemptHistory> {
    const [h] = await runQuery(manager, sql.attemptHistory, [paperId, traineeId]);
    return historyOf(h);
  }

  /** Course exams: an active enrolment in a course whose final exam this is. Region-run tests: trainees in the region. */
  private async eligibility(actor: Actor, paper: Pick<ExamPaperEntity, 'id' | 'kind' | 'regionId'>): Promise<string | null> {
    if (paper.kind === 'course_exam') {
      const enrollmentId = await this.courses.enrollmentFor(this.dataSource.manager, actor.userId, paper.id);
      if (!enrollmentId) throw ExamErrors.notEligible();
      return enrollmentId;
    }
    if (paper.regionId) {
      const ownerPath = await regionPathOf(this.dataSource, paper.regionId);
      const traineePath = await this.traineeRegionPath(actor.userId);
      if (!traineePath || !ownerPath || !regionContains(ownerPath, traineePath)) throw ExamErrors.notEligible();
    }
    return null;
  }

  private async traineeRegionPath(userId: string): Promise<string | null> {
    return (await traineeRegionPath(this.dataSource, userId)) ?? null;
  }

  /** Draft papers do not exist for trainees; archived ones refuse new attempts (but can be read). */
  private async publishedPaper(paperId: string, allowArchived = false): Promise<ExamPaperEntity> {
    const paper = await this.dataSource.getRepository(ExamPaperEntity).findOneBy({ id: paperId });
    if (!paper || paper.status === 'draft') throw ExamErrors.paperNotFound();
    if (paper.status !== 'published' && !allowArchived) throw ExamErrors.paperNotPublished();
    return paper;
  }

  private async openAttemptId(paperId: string, traineeId: string): Promise<string | null> {
    const rows = await runQuery(this.dataSource, sql.openAttemptId, [paperId, traineeId]);
    return rows[0]?.id ?? null;
  }

  private async ownAttempt(actor: Actor, attemptId: string): Promise<AttemptRow> {
    const rows = await runQuery(this.dataSource, sql.ownAttempt, [attemptId, actor.userId]);
    if (!rows[0]) throw ExamErrors.attemptNotFound();
    return rows[0];
  }
}

/** The review policy, applied to a graded attempt: never while open, never for a failure unless 'always'. */
export function mayReveal(attempt: { status: AttemptStatus; passed: boolean | null; reveal_answers: RevealPolicy }): boolean {
  if (attempt.status !== 'submitted' || attempt.passed === null) return false;
  switch (attempt.reveal_answers) {
    case 'always':
      return true;
    case 'when_passed':
      return attempt.passed;
    case 'never':
      return false;
    default:
      return false;
  }
}

function acceptsUntil(a: { deadline_at: Date; grace_seconds: number }): Date {
  return new Date(new Date(a.deadline_at).getTime() + a.grace_seconds * 1000);
}

/**
 * The one place a trainee's view of an attempt is built. Items carry the stem, the options in the
 * order shown and the trainee's selection only; the key goes into `review`, and only when the
 * paper's policy allows it for this attempt.
 */
function viewOf(row: AttemptRow, items: GradedItemRow[]): TraineeAttemptView {
  return {
    ...summaryOf(row),
    acceptsAnswersUntil: acceptsUntil(row),
    submission: row.submission,
    questionCount: row.question_count,
    items: items.map((i) => {
      const text = new Map(i.options.map((o) => [o.id, o.text]));
      return {
        position: i.position,
        type: i.type,
        stem: i.stem,
        points: i.points,
        options: i.option_order.map((id) => ({ id, text: text.get(id) ?? '' })),
        selectedOptionIds: i.selected_option_ids ?? [],
      };
    }),
    review: mayReveal(row)
      ? items.map((i) => ({
          position: i.position,
          correctOptionIds: i.correct_option_ids,
          correct: i.correct === true,
          explanation: i.explanation,
        }))
      : null,
  };
}

function summaryOf(a: AttemptRow): TraineeAttemptSummary {
  return {
    id: a.id,
    paperId: a.paper_id,
    paperTitle: a.paper_title,
    attemptNo: a.attempt_no,
    status: a.status,
    startedAt: a.started_at,
    deadlineAt: a.deadline_at,
    submittedAt: a.submitted_at,
    result:
      a.status === 'submitted' && a.score !== null
        ? { score: a.score, maxScore: a.max_score, percent: a.percent!, passed: a.passed!, passMarkPercent: a.pass_mark_percent }
        : null,
  };
}

/** A trainee's attempts at one paper so far. */
interface AttemptHistory {
  count: number;
  maxNo: number;
  lastSubmittedAt: Date | null;
  passed: boolean;
  openId: string | null;
}

type StartOutcome =
  | { kind: 'started'; view: TraineeAttemptView }
  /** The trainee has an open attempt already. */
  | { kind: 'open'; attemptId: string }
  /** A drawn version is no longer current or active: the pool is older than the bank. */
  | { kind: 'stale' }
  /** The pool could not meet a rule (perhaps only this pool). */
  | { kind: 'short'; ruleIndex: number }
  /** The paper was archived or removed since it was read. */
  | { kind: 'paper_changed'; error: Error };

/** The parts of an item row that come from its question version. */
function itemOf(body: QuestionVersionBody): Pick<GradedItemRow, 'type' | 'stem' | 'options' | 'correct_option_ids' | 'explanation'> {
  return {
    type: body.type,
    stem: body.stem,
    options: body.options,
    correct_option_ids: body.correctOptionIds,
    explanation: body.explanation,
  };
}

function historyOf(h: HistoryRow): AttemptHistory {
  return {
    count: Number(h.count),
    maxNo: h.max_no ?? 0,
    lastSubmittedAt: h.last_submitted_at ? new Date(h.last_submitted_at) : null,
    passed: h.passed === true,
    openId: h.open_id,
  };
}
