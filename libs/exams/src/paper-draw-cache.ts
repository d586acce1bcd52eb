import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runQuery } from '@cqo/core';
import { DrawCandidate } from './draw';
import { ExamOwner } from './exam-owner';
import { DrawRule, PaperKind, RevealPolicy } from './exam-types';
import { ExamErrors } from './exams.errors';
import { QuestionPoolRepository } from './question-pool.repository';
import * as drawSql from './sql/draw.sql';

/** A published paper as starting an attempt needs it. Settings are frozen at publishing; only the status moves on. */
export interface StartPaper {
  id: string;
  owner: ExamOwner;
  kind: PaperKind;
  title: string;
  regionId: string | null;
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts: number | null;
  cooldownMinutes: number;
  graceSeconds: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  revealAnswers: RevealPolicy;
  drawRules: DrawRule[];
}

/** What a start draws from: the paper, its fixed questions (current versions) and the rules' pool. */
export interface PaperDrawSource {
  paper: StartPaper;
  fixed: { candidate: DrawCandidate; points: number }[];
  pool: DrawCandidate[];
}

/**
 * How long a pool is reused. A pool only needs to be fresh for questions added to the bank (or
 * restored) by another process: the start statement refuses a draw that holds a version no
 * longer current or archived, and this process forgets an owner's pools when it edits the bank.
 */
const POOL_TTL_MS = 10_000;

/**
 * Published papers and their draw pools, kept in memory per paper, so a start draws without
 * reading the bank (the draw was one 60-row statement of every start). Entries are re-read when
 * older than {@link POOL_TTL_MS}, when a start's statement found a drawn version stale, and when
 * this process changed the owner's bank.
 */
@Injectable()
export class PaperDrawCache {
  private readonly entries = new Map<string, { source: Promise<PaperDrawSource>; loadedAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: QuestionPoolRepository,
  ) {}

  /** The paper's draw source; throws when the paper does not exist for trainees or is not published. */
  get(paperId: string, fresh = false): Promise<PaperDrawSource> {
    const entry = this.entries.get(paperId);
    if (entry && !fresh && Date.now() - entry.loadedAt < POOL_TTL_MS) return entry.source;
    // Concurrent starts of one paper share one load.
    const source = this.load(paperId);
    this.entries.set(paperId, { source, loadedAt: Date.now() });
    source.catch(() => this.entries.delete(paperId));
    return source;
  }

  /** The paper was archived or removed: the next start reads it again. */
  forget(paperId: string): void {
    this.entries.delete(paperId);
  }

  /** The owner's bank changed in this process: its papers' pools are read again at the next start. */
  forgetOwner(ownerId: string): void {
    for (const [paperId, entry] of this.entries) {
      entry.source
        .then((s) => s.paper.owner.id === ownerId && this.entries.get(paperId) === entry && this.entries.delete(paperId))
        .catch(() => undefined);
    }
  }

  private async load(paperId: string): Promise<PaperDrawSource> {
    const [p] = await runQuery(this.dataSource, drawSql.paperToDraw, [paperId]);
    // Draft papers do not exist for trainees; archived ones refuse new attempts.
    if (!p || p.status === 'draft') throw ExamErrors.paperNotFound();
    if (p.status !== 'published') throw ExamErrors.paperNotPublished();
    const owner: ExamOwner = p.organization_id ? { kind: 'organization', id: p.organization_id } : { kind: 'region', id: p.region_id! };
    const manager = this.dataSource.manager;
    const [fixedCandidates, pool] = await Promise.all([
      this.pool.fixed(
        manager,
        owner,
        p.fixed.map((f) => f.question_id),
      ),
      this.pool.pool(manager, owner, p.draw_rules),
    ]);
    const byId = new Map(fixedCandidates.map((c) => [c.questionId, c]));
    return {
      paper: {
        id: p.id,
        owner,
        kind: p.kind,
        title: p.title,
        regionId: p.region_id,
        passMarkPercent: p.pass_mark_percent,
        timeLimitMinutes: p.time_limit_minutes,
        maxAttempts: p.max_attempts,
        cooldownMinutes: p.cooldown_minutes,
        graceSeconds: p.grace_seconds,
        shuffleQuestions: p.shuffle_questions,
        shuffleOptions: p.shuffle_options,
        revealAnswers: p.reveal_answers,
        drawRules: p.draw_rules,
      },
      fixed: p.fixed.map((f) => ({ candidate: byId.get(f.question_id)!, points: f.points })),
      pool,
    };
  }
}
