import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, normalizeHours, runQuery, toCentiHours } from '@cqo/core';
import { currentYear } from './compliance-period';
import { ComplianceEngine } from './compliance.engine';
import { ComplianceStatusView, toRequirementStatus } from './compliance.queries';
import type { ComplianceState } from './compliance-status.entity';
import { appointmentTrainingAsOfQuery, governingRuleSetQuery, VerdictRow, verdictsQuery } from './sql/requirements.sql';

/** One requirement as the engine judged it (its status row), with `met` (the only "requirement met" in the product). */
export interface RequirementVerdict extends Omit<ComplianceStatusView, 'updatedAt'> {
  /**
   * The hours reach the requirement: `complete`, or (for someone the rule does not bind, state
   * `not_applicable`) accrued ≥ required, so a trainee who is not a CQO still earns certificates.
   */
  met: boolean;
}

export interface YearVerdict {
  traineeId: string;
  year: number;
  /** The yearly requirements of the governing rule set, in its order. */
  requirements: RequirementVerdict[];
  /** Every yearly requirement met (and at least one exists). */
  complete: boolean;
  /** Whether the year has closed (its verdicts are final). */
  closed: boolean;
}

/** A requirement as it stood on a date: hours done by then against the rule then in force. */
export interface AsOfVerdict {
  required: string;
  accrued: string;
  met: boolean;
}

/** The key of an as-of answer. */
export function asOfKey(traineeId: string, date: string): string {
  return `${traineeId}|${date}`;
}

export interface EvaluateOptions {
  /**
   * Recompute the trainee through the engine first (its one statement, under its lock), so the
   * answer reflects every ledger entry committed before the call. Jobs that act on a verdict
   * (certificates) pass true; pages read the statuses as the engine last left them.
   */
  refresh?: boolean;
}

/** `met` from an engine row: the single place a status is read as "requirement met". */
export function isMet(row: { state: ComplianceState; accrued: string; required: string }): boolean {
  if (row.state === 'complete') return true;
  return row.state === 'not_applicable' && toCentiHours(row.accrued) >= toCentiHours(row.required);
}

/**
 * The one evaluator. Which rule set governs a trainee in a year is the SQL function
 * `governing_rule_set_id` (used by the engine); whether a requirement is met is the engine's
 * statement, whose output is `compliance_statuses`. This class is how every other part of the
 * product (certificates, registry, dashboards, exports, the web) asks: it reads that output and
 * never sums hours against a threshold itself.
 */
@Injectable()
export class RequirementEvaluator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ComplianceEngine,
    private readonly clock: Clock,
  ) {}

  /** The id of the rule set governing the trainee in `year` (the root region's for a trainee without an enterprise). */
  async governingRuleSetId(traineeId: string, year: number): Promise<string | null> {
    const rows = await runQuery(this.dataSource, governingRuleSetQuery, [traineeId, year]);
    return rows[0]?.id ?? null;
  }

  /** The yearly requirements of `year`. */
  async yearVerdict(traineeId: string, year: number, options: EvaluateOptions = {}): Promise<YearVerdict> {
    if (options.refresh) await this.engine.recomputeTrainee(traineeId, year, `evaluate:${year}`);
    const requirements = await this.rows(traineeId, [year]);
    return {
      traineeId,
      year,
      requirements,
      complete: requirements.length > 0 && requirements.every((r) => r.met),
      closed: year < currentYear(this.clock.now()),
    };
  }

  /**
   * Appointment training (the `once`, category-1 appointment requirement) under the rule set
   * governing the year in progress, or null when that set has none. A trainee the engine has
   * not judged yet is judged now.
   */
  async appointmentVerdict(traineeId: string, options: EvaluateOptions = {}): Promise<RequirementVerdict | null> {
    if (options.refresh) await this.engine.recomputeTrainee(traineeId, undefined, 'evaluate:appointment');
    let row = (await this.rows(traineeId, [0])).find((r) => r.kind === 'appointment');
    if (!row && !options.refresh) {
      await this.engine.recomputeTrainee(traineeId, undefined, 'evaluate:appointment');
      row = (await this.rows(traineeId, [0])).find((r) => r.kind === 'appointment');
    }
    return row ?? null;
  }

  /**
   * Appointment training as it stood at the end of `date` (CST): the `once` appointment rule of
   * the rule set governing that date's year, judged on the ledger entries whose occurrence time
   * falls on or before that day (a reversal carries its entry's occurrence time, so a correction
   * rewrites history). Judged by the engine's own fragments (requirement-judgement.ts), nothing
   * stored. One statement for any number of (trainee, date) pairs; a pair whose rule set has no
   * appointment rule is absent from the answer. Keyed by {@link asOfKey}.
   */
  async appointmentTrainingAsOf(asked: readonly { traineeId: string; date: string }[]): Promise<Map<string, AsOfVerdict>> {
    const answer = new Map<string, AsOfVerdict>();
    if (asked.length === 0) return answer;
    const rows = await runQuery(this.dataSource, appointmentTrainingAsOfQuery, [asked.map((a) => a.traineeId), asked.map((a) => a.date)]);
    for (const r of rows) {
      answer.set(asOfKey(r.trainee_id, r.as_of), { required: normalizeHours(r.required), accrued: normalizeHours(r.accrued), met: r.met });
    }
    return answer;
  }

  private async rows(traineeId: string, years: number[]): Promise<RequirementVerdict[]> {
    const rows = await runQuery(this.dataSource, verdictsQuery, [traineeId, years]);
    return rows.map(toVerdict);
  }
}

function toVerdict(r: VerdictRow): RequirementVerdict {
  return { ...toRequirementStatus(r), met: isMet(r) };
}
