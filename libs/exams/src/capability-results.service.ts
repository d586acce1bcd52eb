import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, chinaDateOf, CommonErrors, offsetOf, Page, pageOf, PageRequest, regionContains, Role, runTemplate } from '@cqo/core';
import { traineeRegionPath } from '@cqo/trainees';
import * as sql from './sql/capability-results.sql';
import { CapabilityResultRow } from './sql/capability-results.sql';

/** A capability test's conclusion on a trainee's record. */
export interface CapabilityResultView {
  id: string;
  attemptId: string;
  paperId: string;
  title: string;
  traineeId: string;
  traineeName: string;
  /** Who ran the test. */
  conductedBy: { kind: 'organization' | 'region'; id: string; name: string };
  passed: boolean;
  /** 合格 / 不合格. */
  conclusion: string;
  score: number;
  maxScore: number;
  percent: string;
  concludedAt: Date;
  /** The date in China Standard Time. */
  concludedOn: string;
}

/**
 * Capability test conclusions (能力测试结论). Readable by the trainee (their own), the
 * organization that ran the test (its results), and regulators whose region contains the
 * trainee's enterprise or the body that ran the test (the province sees all).
 */
@Injectable()
export class CapabilityResultsService {
  constructor(private readonly dataSource: DataSource) {}

  listOwn(actor: Actor, page: PageRequest): Promise<Page<CapabilityResultView>> {
    return this.readPage('c.trainee_id = $1', [actor.userId], page);
  }

  /** Staff read one trainee's conclusions within their scope; a trainee outside it is a 403. */
  async listForTrainee(actor: Actor, traineeId: string, page: PageRequest): Promise<Page<CapabilityResultView>> {
    const [condition, params] = this.scope(actor, 2);
    const result = await this.readPage(`c.trainee_id = $1 AND ${condition}`, [traineeId, ...params], page);
    if (result.total === 0 && actor.role === Role.Regulator) {
      // Tell "nothing in scope" from "not yours": a regulator outside the trainee's region gets a 403.
      const path = await traineeRegionPath(this.dataSource, traineeId);
      if (path !== undefined && !(path && regionContains(actor.regionPath!, path))) throw CommonErrors.outOfScope();
    }
    return result;
  }

  /** Every conclusion the actor may read, newest first. */
  list(actor: Actor, filter: { paperId?: string; passed?: boolean }, page: PageRequest): Promise<Page<CapabilityResultView>> {
    const [condition, params] = this.scope(actor, 1);
    const where = [condition];
    if (filter.paperId) {
      params.push(filter.paperId);
      where.push(`c.paper_id = $${params.length}`);
    }
    if (filter.passed !== undefined) {
      params.push(filter.passed);
      where.push(`c.passed = $${params.length}`);
    }
    return this.readPage(where.join(' AND '), params, page);
  }

  private scope(actor: Actor, first: number): [string, unknown[]] {
    switch (actor.role) {
      case Role.PlatformAdmin:
        return ['TRUE', []];
      case Role.OrgAdmin:
        if (!actor.organizationId) throw CommonErrors.outOfScope();
        return [`c.organization_id = $${first}`, [actor.organizationId]];
      case Role.Regulator: {
        if (!actor.regionPath) throw CommonErrors.outOfScope();
        const inRegion = (column: string) => `(${column} = $${first} OR ${column} LIKE $${first + 1})`;
        return [
          `(${inRegion('t.enterprise_region_path')} OR ${inRegion('o.region_path')} OR ${inRegion('rr.path')})`,
          [actor.regionPath, `${actor.regionPath.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`],
        ];
      }
      default:
        throw CommonErrors.outOfScope();
    }
  }

  private async readPage(condition: string, params: unknown[], page: PageRequest): Promise<Page<CapabilityResultView>> {
    const [{ total }] = await runTemplate(this.dataSource, sql.countCapabilityResults, { condition }, params);
    const rows = await runTemplate(
      this.dataSource,
      sql.capabilityResultsPage,
      { condition, page: `LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}` },
      params,
    );
    return pageOf(rows.map(toView), Number(total), page);
  }
}

function toView(r: CapabilityResultRow): CapabilityResultView {
  return {
    id: r.id,
    attemptId: r.attempt_id,
    paperId: r.paper_id,
    title: r.title,
    traineeId: r.trainee_id,
    traineeName: r.trainee_name,
    conductedBy: r.organization_id
      ? { kind: 'organization', id: r.organization_id, name: r.conducted_by_name }
      : { kind: 'region', id: r.region_id!, name: r.conducted_by_name },
    passed: r.passed,
    conclusion: r.passed ? '合格' : '不合格',
    score: r.score,
    maxScore: r.max_score,
    percent: r.percent,
    concludedAt: r.concluded_at,
    concludedOn: chinaDateOf(r.concluded_at),
  };
}
