import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, csvText, offsetOf, Page, pageOf, PageRequest, runQuery } from '@cqo/core';
import { ownerOf } from './exam-owner';
import { AttemptStatus, QuestionType, Submission } from './exam-types';
import { itemStatistics, UPPER_LOWER_SHARE } from './item-statistics';
import { PapersService } from './papers.service';
import * as sql from './sql/exam-results.sql';
import { ResultRow } from './sql/exam-results.sql';

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
    private readonly dataSource: DataSource,
    private readonly papers: PapersService,
  ) {}

  async results(
    actor: Actor,
    paperId: string,
    filter: { status?: AttemptStatus; passed?: boolean },
    page: PageRequest,
  ): Promise<Page<PaperResultRow> & { summary: PaperResultsSummary }> {
    await this.papers.findOwned(this.dataSource.manager, ownerOf(actor), paperId);
    const filterParams = [paperId, filter.status ?? null, filter.passed ?? null] as const;
    const [summary] = await runQuery(this.dataSource, sql.resultsSummary, [...filterParams]);
    const rows = (await runQuery(this.dataSource, sql.resultsPage, [...filterParams, page.pageSize, offsetOf(page)])).map(toResult);
    return {
      ...pageOf(rows, Number(summary.attempts), page),
      summary: {
        attempts: Number(summary.attempts),
        graded: Number(summary.graded),
        passed: Number(summary.passed),
        meanPercent: summary.mean,
      },
    };
  }

  /** Every attempt of the paper as CSV (Chinese headers, masked ID numbers). */
  async exportCsv(actor: Actor, paperId: string): Promise<{ fileName: string; content: string }> {
    const paper = await this.papers.findOwned(this.dataSource.manager, ownerOf(actor), paperId);
    const rows = (await runQuery(this.dataSource, sql.allResults, [paperId])).map(toResult);
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
    const rows = await runQuery(this.dataSource, sql.gradedItems, [paperId]);
    const byAttempt = new Map<
      string,
      { attemptId: string; score: number; maxScore: number; items: { key: string; correct: boolean; points: number }[] }
    >();
    for (const r of rows) {
      const a = byAttempt.get(r.attempt_id) ?? { attemptId: r.attempt_id, score: r.score, maxScore: r.max_score, items: [] };
      a.items.push({ key: r.question_version_id, correct: r.correct, points: r.points });
      byAttempt.set(r.attempt_id, a);
    }
    const stats = itemStatistics([...byAttempt.values()]);
    const versions = stats.length ? await runQuery(this.dataSource, sql.versionsById, [stats.map((s) => s.key)]) : [];
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
}

function toResult(r: ResultRow): PaperResultRow {
  return {
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
  };
}
