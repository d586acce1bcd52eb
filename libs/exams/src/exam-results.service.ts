import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, csvText, offsetOf, Page, pageOf, PageRequest } from '@cqo/core';
import { ownerOf } from './exam-owner';
import { AttemptStatus, QuestionType, Submission } from './exam-types';
import { itemStatistics, UPPER_LOWER_SHARE } from './item-statistics';
import { PapersService } from './papers.service';

/** One attempt in a paper's results, for its owner. */
export interface PaperResultRow {
  attemptId: string;
  traineeId: string;
  traineeName: string;
  idNumberMasked: string | null;
  enterpriseName: string | null;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: Date;
  submittedAt: Date | null;
  submission: Submission | null;
  score: number | null;
  maxScore: number;
  percent: string | null;
  passed: boolean | null;
}

export interface PaperResultsSummary {
  attempts: number;
  graded: number;
  passed: number;
  /** Mean score share of graded attempts, percent with two decimals; null with none graded. */
  meanPercent: string | null;
}

export interface ItemStatisticsView {
  paperId: string;
  gradedAttempts: number;
  method: string;
  items: {
    questionId: string;
    versionId: string;
    version: number;
    type: QuestionType;
    stem: string;
    attempts: number;
    difficulty: number;
    discrimination: number | null;
    pointBiserial: number | null;
  }[];
}

const METHOD =
  'difficulty = share of attempts containing the item that answered it correctly; ' +
  `discrimination = upper-lower index D = p(top ${UPPER_LOWER_SHARE * 100}%) - p(bottom ${UPPER_LOWER_SHARE * 100}%) of graded attempts ranked by score share; ` +
  'pointBiserial = corrected item-total point-biserial correlation (item vs. score share on the other items).';

/** A paper's results for its owner: the list, a CSV export and item statistics. */
@Injectable()
export class ExamResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly papers: PapersService,
  ) {}

  async results(actor: Actor, paperId: string, filter: { status?: AttemptStatus; passed?: boolean }, page: PageRequest): Promise<Page<PaperResultRow> & { summary: PaperResultsSummary }> {
    await this.papers.findOwned(this.dataSource.manager, ownerOf(actor), paperId);
    const params: unknown[] = [paperId];
    const where = ['a.paper_id = $1'];
    if (filter.status) {
      params.push(filter.status);
      where.push(`a.status = $${params.length}`);
    }
    if (filter.passed !== undefined) {
      params.push(filter.passed);
      where.push(`a.passed = $${params.length}`);
    }
    const condition = where.join(' AND ');
    const [summary]: { attempts: string; graded: string; passed: string; mean: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS attempts, count(*) FILTER (WHERE a.status = 'submitted') AS graded, count(*) FILTER (WHERE a.passed) AS passed,
              round(avg(a.score * 100.0 / NULLIF(a.max_score, 0)) FILTER (WHERE a.status = 'submitted'), 2)::text AS mean
         FROM exam_attempts a WHERE ${condition}`,
      params,
    );
    const rows = await this.rows(condition, params, `LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`);
    return {
      ...pageOf(rows, Number(summary.attempts), page),
      summary: { attempts: Number(summary.attempts), graded: Number(summary.graded), passed: Number(summary.passed), meanPercent: summary.mean },
    };
  }

  /** Every attempt of the paper as CSV (Chinese headers, masked ID numbers). */
  async exportCsv(actor: Actor, paperId: string): Promise<{ fileName: string; content: string }> {
    const paper = await this.papers.findOwned(this.dataSource.manager, ownerOf(actor), paperId);
    const rows = await this.rows('a.paper_id = $1', [paperId], '');
    const content = csvText(
      ['学员', '身份证号', '企业', '第几次', '状态', '开始时间', '交卷时间', '交卷方式', '得分', '满分', '得分率(%)', '结论'],
      rows.map((r) => [
        r.traineeName,
        r.idNumberMasked,
        r.enterpriseName,
        r.attemptNo,
        r.status === 'open' ? '作答中' : '已交卷',
        r.startedAt,
        r.submittedAt,
        r.submission === null ? null : r.submission === 'trainee' ? '学员交卷' : '到时自动交卷',
        r.score,
        r.maxScore,
        r.percent,
        r.passed === null ? null : r.passed ? '合格' : '不合格',
      ]),
    );
    return { fileName: `${paper.title}-考试成绩.csv`, content };
  }

  async itemStatistics(actor: Actor, paperId: string): Promise<ItemStatisticsView> {
    await this.papers.findOwned(this.dataSource.manager, ownerOf(actor), paperId);
    const rows: { attempt_id: string; score: number; max_score: number; question_version_id: string; correct: boolean; points: number }[] =
      await this.dataSource.query(
        `SELECT a.id AS attempt_id, a.score, a.max_score, i.question_version_id, i.correct, i.points
           FROM exam_attempts a JOIN exam_attempt_items i ON i.attempt_id = a.id
          WHERE a.paper_id = $1 AND a.status = 'submitted'`,
        [paperId],
      );
    const byAttempt = new Map<string, { attemptId: string; score: number; maxScore: number; items: { key: string; correct: boolean; points: number }[] }>();
    for (const r of rows) {
      const a = byAttempt.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: r.score, maxScore: r.max_score, items: [] };
      a.items.push({ key: r.question_version_id, correct: r.correct, points: r.points });
      byAttempt.set(r.attempt_id, a);
    }
    const stats = itemStatistics([...byAttempt.values()]);
    const versions: { id: string; question_id: string; version: number; type: QuestionType; stem: string }[] = stats.length
      ? await this.dataSource.query('SELECT id, question_id, version, type, stem FROM question_versions WHERE id = ANY($1::uuid[])', [stats.map((s) => s.key)])
      : [];
    const byId = new Map(versions.map((v) => [v.id, v]));
    return {
      paperId,
      gradedAttempts: byAttempt.size,
      method: METHOD,
      items: stats.map((s) => {
        const v = byId.get(s.key)!;
        return {
          questionId: v.question_id,
          versionId: v.id,
          version: v.version,
          type: v.type,
          stem: v.stem,
          attempts: s.attempts,
          difficulty: s.difficulty,
          discrimination: s.discrimination,
          pointBiserial: s.pointBiserial,
        };
      }),
    };
  }

  private async rows(condition: string, params: unknown[], tail: string): Promise<PaperResultRow[]> {
    const rows: RawRow[] = await this.dataSource.query(
      `SELECT a.id, a.trainee_id, COALESCE(t.full_name, u.display_name) AS trainee_name, t.id_number_masked, e.name AS enterprise_name,
              a.attempt_no, a.status, a.started_at, a.submitted_at, a.submission, a.score, a.max_score, a.percent, a.passed
         FROM exam_attempts a
         JOIN users u ON u.id = a.trainee_id
         LEFT JOIN trainee_profiles t ON t.user_id = a.trainee_id
         LEFT JOIN enterprises e ON e.id = t.enterprise_id
        WHERE ${condition}
        ORDER BY a.started_at DESC, a.id ${tail}`,
      params,
    );
    return rows.map((r) => ({
      attemptId: r.id,
      traineeId: r.trainee_id,
      traineeName: r.trainee_name,
      idNumberMasked: r.id_number_masked,
      enterpriseName: r.enterprise_name,
      attemptNo: r.attempt_no,
      status: r.status,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      submission: r.submission,
      score: r.score,
      maxScore: r.max_score,
      percent: r.percent,
      passed: r.passed,
    }));
  }
}

interface RawRow {
  id: string;
  trainee_id: string;
  trainee_name: string;
  id_number_masked: string | null;
  enterprise_name: string | null;
  attempt_no: number;
  status: AttemptStatus;
  started_at: Date;
  submitted_at: Date | null;
  submission: Submission | null;
  score: number | null;
  max_score: number;
  percent: string | null;
  passed: boolean | null;
}
