import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AppConfig, Clock, offsetOf, Page, pageOf, PageRequest, runTemplate } from '@cqo/core';
import { QuestionEntity } from './entities/question.entity';
import { QuestionVersionEntity } from './entities/question-version.entity';
import { ExamOwner, ownerColumns, ownerOf, ownerWhere } from './exam-owner';
import { QuestionType, StoredOption, TopicCategory } from './exam-types';
import { ExamErrors } from './exams.errors';
import { PaperDrawCache } from './paper-draw-cache';
import { ImportFileError, ImportFormat, parseQuestionFile } from './question-import';
import { buildQuestionTemplate } from './question-template';
import { difficultyLevel, QuestionInput, validateQuestion } from './question-rules';
import { TopicCatalog } from './topic-catalog';
import * as sql from './sql/questions.sql';
import { QuestionRow } from './sql/questions.sql';

/** A question as its owner sees it, answer key included. Never shown to trainees. */
export interface QuestionView {
  id: string;
  version: number;
  versionId: string;
  type: QuestionType;
  stem: string;
  options: { id: string; text: string; correct: boolean }[];
  category: TopicCategory;
  topics: string[];
  difficulty: number;
  explanation: string | null;
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuestionFilter {
  type?: QuestionType;
  category?: TopicCategory;
  topic?: string;
  difficulty?: number;
  /** Part of the stem. */
  q?: string;
  includeArchived?: boolean;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  imported: number;
  questionIds: string[];
}

/** A random option id: 8 URL-safe characters, unique within a question version. */
export function newOptionId(): string {
  return randomBytes(6).toString('base64url');
}

/** The question bank of an owner: authoring, versioned edits, archiving and file import. */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly topics: TopicCatalog,
    private readonly draws: PaperDrawCache,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The XLSX import template, its 知识点 drop-down listing the current topics. */
  async importTemplate(): Promise<Buffer> {
    return buildQuestionTemplate(await this.topics.names());
  }

  async create(actor: Actor, input: QuestionInput): Promise<QuestionView> {
    const owner = ownerOf(actor);
    await this.validate(input);
    const id = await this.dataSource.transaction(async (manager) => (await this.insertMany(manager, owner, actor.userId, [input]))[0]);
    this.draws.forgetOwner(owner.id);
    return this.get(actor, id);
  }

  /** An edit is a new version; attempts that used the old one keep it. */
  async update(actor: Actor, id: string, input: QuestionInput): Promise<QuestionView> {
    const owner = ownerOf(actor);
    await this.validate(input);
    await this.dataSource.transaction(async (manager) => {
      const question = await this.lockOwned(manager, owner, id);
      if (question.archivedAt) throw ExamErrors.questionArchived();
      const version = question.currentVersion + 1;
      await manager.insert(QuestionVersionEntity, {
        ...this.versionRow(input, actor.userId),
        questionId: id,
        version,
        createdAt: this.clock.now(),
      });
      await manager.update(QuestionEntity, { id }, { currentVersion: version, updatedAt: this.clock.now() });
    });
    this.draws.forgetOwner(owner.id);
    return this.get(actor, id);
  }

  async archive(actor: Actor, id: string): Promise<QuestionView> {
    const owner = ownerOf(actor);
    await this.dataSource.transaction(async (manager) => {
      const question = await this.lockOwned(manager, owner, id);
      if (!question.archivedAt) await manager.update(QuestionEntity, { id }, { archivedAt: this.clock.now(), updatedAt: this.clock.now() });
    });
    this.draws.forgetOwner(owner.id);
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<QuestionView> {
    const owner = ownerOf(actor);
    const rows = await this.select(`q.id = $2 AND ${ownerWhere('q', owner, 1)}`, [owner.id, id]);
    if (!rows[0]) throw ExamErrors.questionNotFound();
    return toView(rows[0]);
  }

  /** Every version of a question, newest first: what past attempts were shown. */
  async versions(actor: Actor, id: string): Promise<QuestionView[]> {
    const owner = ownerOf(actor);
    const rows = await runTemplate(this.dataSource, sql.questionVersions, { ownerCondition: ownerWhere('q', owner, 1) }, [owner.id, id]);
    if (rows.length === 0) throw ExamErrors.questionNotFound();
    return rows.map(toView);
  }

  async list(actor: Actor, filter: QuestionFilter, page: PageRequest): Promise<Page<QuestionView>> {
    const owner = ownerOf(actor);
    const params: unknown[] = [owner.id];
    const where = [ownerWhere('q', owner, 1)];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (!filter.includeArchived) where.push('q.archived_at IS NULL');
    if (filter.type) add((n) => `v.type = $${n}`, filter.type);
    if (filter.category) add((n) => `v.category = $${n}`, filter.category);
    if (filter.topic) add((n) => `$${n} = ANY(v.topics)`, filter.topic);
    if (filter.difficulty) add((n) => `v.difficulty = $${n}`, filter.difficulty);
    if (filter.q) add((n) => `v.stem ILIKE $${n}`, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const condition = where.join(' AND ');
    const [{ total }] = await runTemplate(this.dataSource, sql.countQuestions, { condition }, params);
    const rows = await this.select(condition, params, `ORDER BY q.created_at DESC, q.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`);
    return pageOf(rows.map(toView), Number(total), page);
  }

  /**
   * Imports a CSV or XLSX file. Every row is checked first; if any row is wrong nothing is saved
   * and the error names each offending cell (`rows[<row>].<column>`); otherwise all rows are
   * saved in one transaction. `dryRun` checks without saving.
   */
  async import(actor: Actor, format: ImportFormat, content: Buffer, dryRun: boolean): Promise<ImportResult> {
    const owner = ownerOf(actor);
    let parsed;
    try {
      parsed = await parseQuestionFile(format, content, await this.topics.lookup(), this.config.uploads);
    } catch (error) {
      if (error instanceof ImportFileError) throw ExamErrors.importFileInvalid(error.message);
      throw error;
    }
    if (parsed.issues.length > 0) throw ExamErrors.importRowsInvalid(parsed.issues);
    if (parsed.valid.length === 0) throw ExamErrors.importFileInvalid('文件中没有试题');
    if (dryRun) return { dryRun, rows: parsed.rows, imported: 0, questionIds: [] };
    const inputs = parsed.valid.map((v) => v.input);
    const questionIds = await this.dataSource.transaction((manager) => this.insertMany(manager, owner, actor.userId, inputs));
    this.draws.forgetOwner(owner.id);
    return { dryRun, rows: parsed.rows, imported: questionIds.length, questionIds };
  }

  private async validate(input: QuestionInput): Promise<void> {
    const issues = validateQuestion(input, await this.topics.lookup());
    if (issues.length > 0) throw ExamErrors.questionInvalid(issues);
  }

  private async insertMany(manager: EntityManager, owner: ExamOwner, userId: string, inputs: QuestionInput[]): Promise<string[]> {
    const now = this.clock.now();
    const ids: string[] = [];
    // Chunks keep each statement under PostgreSQL's parameter limit.
    for (let i = 0; i < inputs.length; i += 500) {
      const chunk = inputs.slice(i, i + 500);
      const inserted = await manager.insert(
        QuestionEntity,
        chunk.map(() => ({ ...ownerColumns(owner), currentVersion: 1, createdAt: now, updatedAt: now })),
      );
      const chunkIds = inserted.identifiers.map((x) => x.id as string);
      await manager.insert(
        QuestionVersionEntity,
        chunk.map((input, j) => ({ ...this.versionRow(input, userId), questionId: chunkIds[j], version: 1, createdAt: now })),
      );
      ids.push(...chunkIds);
    }
    return ids;
  }

  private versionRow(input: QuestionInput, userId: string): Omit<QuestionVersionEntity, 'id' | 'questionId' | 'version' | 'createdAt'> {
    const ids = new Set<string>();
    const options: (StoredOption & { correct: boolean })[] = input.options.map((o) => {
      let id = newOptionId();
      while (ids.has(id)) id = newOptionId();
      ids.add(id);
      return { id, text: o.text.trim(), correct: o.correct };
    });
    return {
      type: input.type,
      stem: input.stem.trim(),
      options: options.map(({ id, text }) => ({ id, text })),
      correctOptionIds: options.filter((o) => o.correct).map((o) => o.id),
      category: input.category,
      topics: [...input.topics],
      difficulty: difficultyLevel(input.difficulty),
      explanation: input.explanation?.trim() || null,
      createdBy: userId,
    };
  }

  private async lockOwned(manager: EntityManager, owner: ExamOwner, id: string): Promise<QuestionEntity> {
    const question = await manager
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .setLock('pessimistic_write')
      .where('q.id = :id', { id })
      .andWhere(owner.kind === 'organization' ? 'q.organization_id = :owner' : 'q.region_id = :owner', { owner: owner.id })
      .getOne();
    if (!question) throw ExamErrors.questionNotFound();
    return question;
  }

  private select(condition: string, params: unknown[], tail = ''): Promise<QuestionRow[]> {
    return runTemplate(this.dataSource, sql.currentQuestions, { condition, tail }, params);
  }
}

function toView(r: QuestionRow): QuestionView {
  const key = new Set(r.correct_option_ids);
  return {
    id: r.id,
    version: r.version,
    versionId: r.version_id,
    type: r.type,
    stem: r.stem,
    options: r.options.map((o) => ({ id: o.id, text: o.text, correct: key.has(o.id) })),
    category: Number(r.category) as TopicCategory,
    topics: r.topics,
    difficulty: Number(r.difficulty),
    explanation: r.explanation,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
