import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, FieldIssue, offsetOf, Page, pageOf, PageRequest, runQuery } from '@cqo/core';
import { checkDrawable } from './draw';
import { ExamPaperEntity } from './entities/exam-paper.entity';
import { ExamPaperQuestionEntity } from './entities/exam-paper-question.entity';
import { ExamOwner, ownerColumns, ownerOf } from './exam-owner';
import { DIFFICULTY_BANDS, DifficultyBand, DrawRule, PaperKind, PaperStatus, RevealPolicy, TopicCategory } from './exam-types';
import { ExamErrors } from './exams.errors';
import { PaperDrawCache } from './paper-draw-cache';
import { QuestionPoolRepository } from './question-pool.repository';
import { TopicCatalog } from './topic-catalog';
import { fixedQuestionIds } from './sql/papers.sql';

export interface DrawRuleInput {
  count: number;
  category?: TopicCategory | null;
  topic?: string | null;
  /** An exact level 1–5 … */
  difficulty?: number | null;
  /** … or a band: easy = 1–2, medium = 3, hard = 4–5. */
  difficultyBand?: DifficultyBand | null;
  points?: number;
}

export interface PaperInput {
  kind: PaperKind;
  title: string;
  description?: string | null;
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts?: number | null;
  cooldownMinutes?: number;
  graceSeconds?: number;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  revealAnswers?: RevealPolicy;
  fixedQuestions?: { questionId: string; points?: number }[];
  drawRules?: DrawRuleInput[];
}

/** A paper as its owner sees it. */
export interface PaperView {
  id: string;
  kind: PaperKind;
  title: string;
  description: string | null;
  status: PaperStatus;
  passMarkPercent: number;
  timeLimitMinutes: number;
  maxAttempts: number | null;
  cooldownMinutes: number;
  graceSeconds: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  revealAnswers: RevealPolicy;
  fixedQuestions: { questionId: string; position: number; points: number }[];
  drawRules: DrawRule[];
  questionCount: number;
  maxScore: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Exam papers of an owner: drafting, publishing (after checking the draw can be met), archiving. */
@Injectable()
export class PapersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: QuestionPoolRepository,
    private readonly draws: PaperDrawCache,
    private readonly topics: TopicCatalog,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: PaperInput): Promise<PaperView> {
    const owner = ownerOf(actor);
    const rules = await this.normalizeRules(input.drawRules ?? []);
    const id = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const inserted = await manager.insert(ExamPaperEntity, {
        ...ownerColumns(owner),
        ...settings(input),
        drawRules: rules,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      });
      const paperId = inserted.identifiers[0].id as string;
      await this.replaceFixed(manager, owner, paperId, input.fixedQuestions ?? []);
      return paperId;
    });
    return this.get(actor, id);
  }

  /** Replaces a draft's settings, fixed questions and rules. */
  async update(actor: Actor, id: string, input: PaperInput): Promise<PaperView> {
    const owner = ownerOf(actor);
    const rules = await this.normalizeRules(input.drawRules ?? []);
    await this.dataSource.transaction(async (manager) => {
      const paper = await this.lockOwned(manager, owner, id);
      if (paper.status !== 'draft') throw ExamErrors.paperNotDraft();
      await manager.update(ExamPaperEntity, { id }, { ...settings(input), drawRules: rules, updatedAt: this.clock.now() });
      await this.replaceFixed(manager, owner, id, input.fixedQuestions ?? []);
    });
    return this.get(actor, id);
  }

  /** Opens a draft to trainees, once it has questions and the bank can meet every draw rule. */
  async publish(actor: Actor, id: string): Promise<PaperView> {
    const owner = ownerOf(actor);
    await this.dataSource.transaction(async (manager) => {
      const paper = await this.lockOwned(manager, owner, id);
      if (paper.status === 'published') return;
      if (paper.status !== 'draft') throw ExamErrors.paperNotDraft();
      const fixed = await runQuery(manager, fixedQuestionIds, [id]);
      if (fixed.length === 0 && paper.drawRules.length === 0) throw ExamErrors.paperEmpty();
      const candidates = await this.pool.pool(manager, owner, paper.drawRules);
      const shortages = checkDrawable(
        fixed.map((f) => f.question_id),
        paper.drawRules,
        candidates,
      );
      if (shortages.length > 0) {
        throw ExamErrors.drawPoolTooSmall(
          shortages.map((s) => ({
            field: `drawRules[${s.ruleIndex}].count`,
            message: `需要${s.needed}道，题库中可确保抽取的只有${s.available}道`,
          })),
        );
      }
      const now = this.clock.now();
      await manager.update(ExamPaperEntity, { id }, { status: 'published', publishedAt: now, updatedAt: now });
    });
    return this.get(actor, id);
  }

  /** No new attempts start; open ones run to their deadline. */
  async archive(actor: Actor, id: string): Promise<PaperView> {
    const owner = ownerOf(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwned(manager, owner, id);
      await manager.update(ExamPaperEntity, { id }, { status: 'archived', updatedAt: this.clock.now() });
    });
    this.draws.forget(id);
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<PaperView> {
    const owner = ownerOf(actor);
    const paper = await this.findOwned(this.dataSource.manager, owner, id);
    const fixed = await this.dataSource.getRepository(ExamPaperQuestionEntity).find({ where: { paperId: id }, order: { position: 'ASC' } });
    return toView(paper, fixed);
  }

  async list(actor: Actor, filter: { status?: PaperStatus; kind?: PaperKind }, page: PageRequest): Promise<Page<PaperView>> {
    const owner = ownerOf(actor);
    const qb = this.dataSource
      .getRepository(ExamPaperEntity)
      .createQueryBuilder('p')
      .where(owner.kind === 'organization' ? 'p.organization_id = :owner' : 'p.region_id = :owner', { owner: owner.id });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    const [papers, total] = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .skip(offsetOf(page))
      .take(page.pageSize)
      .getManyAndCount();
    const fixed = papers.length
      ? await this.dataSource
          .getRepository(ExamPaperQuestionEntity)
          .createQueryBuilder('f')
          .where('f.paper_id IN (:...ids)', { ids: papers.map((p) => p.id) })
          .orderBy('f.position')
          .getMany()
      : [];
    return pageOf(
      papers.map((p) =>
        toView(
          p,
          fixed.filter((f) => f.paperId === p.id),
        ),
      ),
      total,
      page,
    );
  }

  /** A paper the actor owns, or 404. */
  async findOwned(manager: EntityManager, owner: ExamOwner, id: string): Promise<ExamPaperEntity> {
    const paper = await manager.findOneBy(
      ExamPaperEntity,
      owner.kind === 'organization' ? { id, organizationId: owner.id } : { id, regionId: owner.id },
    );
    if (!paper) throw ExamErrors.paperNotFound();
    return paper;
  }

  private async lockOwned(manager: EntityManager, owner: ExamOwner, id: string): Promise<ExamPaperEntity> {
    const paper = await manager
      .getRepository(ExamPaperEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id })
      .andWhere(owner.kind === 'organization' ? 'p.organization_id = :owner' : 'p.region_id = :owner', { owner: owner.id })
      .getOne();
    if (!paper) throw ExamErrors.paperNotFound();
    return paper;
  }

  private async replaceFixed(
    manager: EntityManager,
    owner: ExamOwner,
    paperId: string,
    fixed: { questionId: string; points?: number }[],
  ): Promise<void> {
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    fixed.forEach((f, i) => {
      if (seen.has(f.questionId)) issues.push({ field: `fixedQuestions[${i}].questionId`, message: '试题重复' });
      seen.add(f.questionId);
    });
    const found = new Set((await this.pool.fixed(manager, owner, [...seen])).map((c) => c.questionId));
    fixed.forEach((f, i) => {
      if (!found.has(f.questionId)) issues.push({ field: `fixedQuestions[${i}].questionId`, message: '试题不存在或不属于本机构' });
    });
    if (issues.length > 0) throw ExamErrors.paperQuestionsInvalid(issues);
    await manager.delete(ExamPaperQuestionEntity, { paperId });
    if (fixed.length > 0) {
      await manager.insert(
        ExamPaperQuestionEntity,
        fixed.map((f, i) => ({ paperId, position: i + 1, questionId: f.questionId, points: f.points ?? 1 })),
      );
    }
  }

  private async normalizeRules(inputs: DrawRuleInput[]): Promise<DrawRule[]> {
    const lookup = await this.topics.lookup();
    const issues: FieldIssue[] = [];
    const rules = inputs.map((r, i): DrawRule => {
      const band = r.difficultyBand ? DIFFICULTY_BANDS[r.difficultyBand] : null;
      if (r.difficulty != null && band) issues.push({ field: `drawRules[${i}].difficultyBand`, message: '难度与难度区间只能填一个' });
      const topicCategory = r.topic ? lookup.categoryOf(r.topic) : undefined;
      if (r.topic && topicCategory === undefined) issues.push({ field: `drawRules[${i}].topic`, message: `未知的知识点代码：${r.topic}` });
      else if (r.topic && r.category && topicCategory !== r.category)
        issues.push({ field: `drawRules[${i}].topic`, message: '知识点不属于所选类别' });
      return {
        count: r.count,
        category: r.category ?? null,
        topic: r.topic ?? null,
        difficultyMin: r.difficulty ?? band?.min ?? null,
        difficultyMax: r.difficulty ?? band?.max ?? null,
        points: r.points ?? 1,
      };
    });
    if (issues.length > 0) throw ExamErrors.questionInvalid(issues);
    return rules;
  }
}

function settings(input: PaperInput): Partial<ExamPaperEntity> {
  return {
    kind: input.kind,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    passMarkPercent: input.passMarkPercent,
    timeLimitMinutes: input.timeLimitMinutes,
    maxAttempts: input.maxAttempts ?? null,
    cooldownMinutes: input.cooldownMinutes ?? 0,
    graceSeconds: input.graceSeconds ?? 30,
    shuffleQuestions: input.shuffleQuestions ?? false,
    shuffleOptions: input.shuffleOptions ?? false,
    // Default: the key is never shown (so never for a failed attempt either).
    revealAnswers: input.revealAnswers ?? 'never',
  };
}

function toView(p: ExamPaperEntity, fixed: ExamPaperQuestionEntity[]): PaperView {
  const questionCount = fixed.length + p.drawRules.reduce((n, r) => n + r.count, 0);
  const maxScore = fixed.reduce((n, f) => n + f.points, 0) + p.drawRules.reduce((n, r) => n + r.count * r.points, 0);
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    description: p.description,
    status: p.status,
    passMarkPercent: p.passMarkPercent,
    timeLimitMinutes: p.timeLimitMinutes,
    maxAttempts: p.maxAttempts,
    cooldownMinutes: p.cooldownMinutes,
    graceSeconds: p.graceSeconds,
    shuffleQuestions: p.shuffleQuestions,
    shuffleOptions: p.shuffleOptions,
    revealAnswers: p.revealAnswers,
    fixedQuestions: fixed.map((f) => ({ questionId: f.questionId, position: f.position, points: f.points })),
    drawRules: p.drawRules,
    questionCount,
    maxScore,
    publishedAt: p.publishedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
