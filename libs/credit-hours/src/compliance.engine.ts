import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, chinaDateOf, Clock, runCommand, runQuery, runTemplate } from '@cqo/core';
import { traineeCountEstimate } from '@cqo/trainees';
import { currentYear, periodPosition } from './compliance-period';
import { SUM_COLUMN_NAMES, SumColumn } from './requirement-judgement';
import {
  chunkSettings,
  lockBucket,
  lockBuckets,
  RECOMPUTE_WRITES,
  recomputeTemplate,
  rangeSums,
  rangeUntouched,
  rulesInForce,
} from './sql/compliance-engine.sql';
import { VerdictChange, VerdictChangesService } from './verdict-changes.service';

/**
 * Trainees are split into 256 buckets by the first byte of their id (a uuid range each). A
 * bucket is the unit of locking: a one-trainee recomputation takes its trainee's bucket lock and
 * a chunk of the full run (one or more consecutive buckets, sized to about 12,000 trainees) takes
 * all of its buckets', so the two never interleave and leave an older result on top of a newer one.
 */
export const COMPLIANCE_BUCKETS = 256;
const LOCK_NAMESPACE = 74_021_631;

export function bucketOf(traineeId: string): number {
  return parseInt(traineeId.slice(0, 2), 16);
}

/** The uuid range of buckets `first`..`last` (inclusive). */
function bucketRange(first: number, last: number): [string, string] {
  const hex = (b: number) => b.toString(16).padStart(2, '0');
  return [`${hex(first)}000000-0000-0000-0000-000000000000`, `${hex(last)}ffffff-ffff-ffff-ffff-ffffffffffff`];
}

/**
 * About this many trainees per statement of the full run: big enough that planning the
 * statement costs little beside running it, small enough that its hash joins fit in
 * CHUNK_WORK_MEM (the ledger totals themselves stream through a sorted group aggregate).
 */
const TRAINEES_PER_CHUNK = 12_000;

export interface RecomputeCounts {
  /** Status rows inserted or changed (rows whose values did not change are not rewritten). */
  changed: number;
  removed: number;
  flagsRaised: number;
  flagsCleared: number;
}

/** One statement of a chunk: which periods' rules it judges, and how it writes their statuses. */
interface Pass {
  year: boolean;
  once: boolean;
  write: keyof typeof RECOMPUTE_WRITES;
}

const ZERO: RecomputeCounts = { changed: 0, removed: 0, flagsRaised: 0, flagsCleared: 0 };

function add(a: RecomputeCounts, b: RecomputeCounts): RecomputeCounts {
  return {
    changed: a.changed + b.changed,
    removed: a.removed + b.removed,
    flagsRaised: a.flagsRaised + b.flagsRaised,
    flagsCleared: a.flagsCleared + b.flagsCleared,
  };
}

/** Which totals a rule reads: its category and kind, this year or (once) all years, plus appointment hours if it counts them. */
export function sumsNeeded(rules: { category: number; kind: string; period: string; count_appointment_hours: boolean }[]): SumColumn[] {
  const needed = new Set<SumColumn>();
  for (const r of rules) {
    const scope = r.period === 'once' ? 'all' : 'year';
    if (r.category === 2) needed.add(`c2_${scope}`);
    else if (r.kind === 'appointment') needed.add(`c1a_${scope}`);
    else {
      needed.add(`c1c_${scope}`);
      if (r.count_appointment_hours) needed.add(`c1a_${scope}`);
    }
  }
  return SUM_COLUMN_NAMES.filter((c) => needed.has(c));
}

export interface RecomputeAllOptions {
  year: number;
  /** Chunks run at once (each its own transaction and connection); default `COMPLIANCE_LANES`. */
  concurrency?: number;
}

/**
 * The compliance engine: set-based SQL over the ledger, never a per-trainee loop in Node, so a
 * full recomputation over a million trainees keeps the worker's memory flat.
 */
@Injectable()
export class ComplianceEngine {
  private readonly logger = new Logger(ComplianceEngine.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly verdicts: VerdictChangesService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Recomputes one trainee: the open year with the `once` requirements, and `year` too if it is
   * an earlier (closed) year, as after a correction of last year's hours.
   */
  async recomputeTrainee(
    traineeId: string,
    year?: number,
    cause = 'recompute',
  ): Promise<RecomputeCounts & { verdictChanges: VerdictChange[] }> {
    const now = this.clock.now();
    const open = currentYear(now);
    const years = year !== undefined && year < open ? [open, year] : [open];
    return this.dataSource.transaction(async (manager) => {
      await this.lockBucket(manager, bucketOf(traineeId));
      let total = ZERO;
      let verdictChanges: VerdictChange[] = [];
      for (const y of years) {
        // A closed year whose verdict was final is re-opened by a late record: audit and tell people.
        const before = y < open ? await this.verdicts.snapshot(manager, traineeId, y) : null;
        total = add(total, await this.run(manager, traineeId, traineeId, y, y === open, now));
        if (before) {
          const after = await this.verdicts.snapshot(manager, traineeId, y);
          verdictChanges = verdictChanges.concat(await this.verdicts.record(manager, traineeId, y, before, after, cause));
        }
      }
      return { ...total, verdictChanges };
    });
  }

  /**
   * Recomputes every trainee for `year`, bucket by bucket (the `once` requirements too when the
   * year is the open one). Used nightly, after a rule set is published, and at year close (for
   * the year just closed, which makes its statuses final).
   */
  async recomputeAll(options: RecomputeAllOptions): Promise<RecomputeCounts> {
    const now = this.clock.now();
    const includeOnce = options.year === currentYear(now);
    // As many lanes as the database has cores: on two, a third lane made the cold run slower (its
    // inserts waited on the table's extension lock and took CPU from the other two).
    const concurrency = Math.max(1, options.concurrency ?? this.config.complianceLanes);
    // The planner's row estimate is enough to size the chunks; no count(*) over a million rows.
    const estimate = await traineeCountEstimate(this.dataSource);
    const perChunk = Math.max(1, Math.min(32, Math.round((TRAINEES_PER_CHUNK * COMPLIANCE_BUCKETS) / Math.max(estimate, 1))));
    const chunks: [number, number][] = [];
    for (let first = 0; first < COMPLIANCE_BUCKETS; first += perChunk)
      chunks.push([first, Math.min(first + perChunk, COMPLIANCE_BUCKETS) - 1]);
    let next = 0;
    let total = ZERO;
    const started = Date.now();
    const lane = async (): Promise<void> => {
      for (;;) {
        const chunk = chunks[next++];
        if (!chunk) return;
        const [lo, hi] = bucketRange(chunk[0], chunk[1]);
        const counts = await this.dataSource.transaction(async (manager) => {
          // Ascending order, like every other holder of these locks: no deadlock.
          await runCommand(manager, lockBuckets, [LOCK_NAMESPACE, chunk[0], chunk[1]]);
          // Work memory, the ledger's totals as a sorted group aggregate, no JIT (see chunkSettings).
          await runCommand(manager, chunkSettings, []);
          return this.run(manager, lo, hi, options.year, includeOnce, now, true);
        });
        total = add(total, counts);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    this.logger.log({ year: options.year, chunks: chunks.length, ms: Date.now() - started, ...total }, 'compliance recomputed');
    return total;
  }

  private async lockBucket(manager: EntityManager, bucket: number): Promise<void> {
    await runCommand(manager, lockBucket, [LOCK_NAMESPACE, bucket]);
  }

  private async run(
    manager: EntityManager,
    lo: string,
    hi: string,
    year: number,
    includeOnce: boolean,
    now: Date,
    allowBulk = false,
  ): Promise<RecomputeCounts> {
    const position = periodPosition(year, now);
    const rules = await runQuery(manager, rulesInForce, [year, includeOnce]);
    const passes: Pass[] = allowBulk
      ? await this.passes(manager, lo, hi, year, includeOnce)
      : [{ year: true, once: includeOnce, write: 'diff' }];
    let total = ZERO;
    for (const pass of passes) {
      const sums = rangeSums('$3::int', sumsNeeded(rules.filter((r) => (r.period === 'once' ? pass.once : pass.year))));
      const [row] = await runTemplate(
        manager,
        recomputeTemplate,
        { sums: sums.ctes, sumsJoin: sums.join, sumsColumns: sums.columns, write: RECOMPUTE_WRITES[pass.write] },
        [lo, hi, year, position.closed, position.elapsedShare, pass.once, now, chinaDateOf(now), pass.year],
      );
      total = add(total, { changed: row.changed, removed: row.removed, flagsRaised: row.flags_raised, flagsCleared: row.flags_cleared });
    }
    return total;
  }

  /**
   * How a chunk of the full run is written: periods with no status yet in its range take the
   * bulk insert (the bucket locks held keep them so until the statement has run), the others
   * the diff. One statement when both periods go the same way; on 1 January, when the new year's
   * statuses are absent but the `once` ones are not, two: the year in bulk, the `once` rows by
   * diff, so the year's first run is as fast as a cold one rather than a diff of every row.
   */
  private async passes(manager: EntityManager, lo: string, hi: string, year: number, includeOnce: boolean): Promise<Pass[]> {
    const [untouched] = await runQuery(manager, rangeUntouched, [lo, hi, year]);
    const writeOf = (fresh: boolean): Pass['write'] => (fresh ? 'bulk' : 'diff');
    if (!includeOnce) return [{ year: true, once: false, write: writeOf(untouched.year_untouched) }];
    if (untouched.year_untouched === untouched.once_untouched)
      return [{ year: true, once: true, write: writeOf(untouched.year_untouched) }];
    return [
      { year: true, once: false, write: writeOf(untouched.year_untouched) },
      { year: false, once: true, write: writeOf(untouched.once_untouched) },
    ];
  }
}
