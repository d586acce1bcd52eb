import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

export type Dependency = 'postgres' | 'redis';

export interface Outage {
  since: Date;
  /** The first error of the outage, one line (no connection string: it may carry a password). */
  error: string;
}

/** First probe this long after an outage starts, then twice as long each time, up to PROBE_MAX_MS. */
const PROBE_FIRST_MS = 1000;
const PROBE_MAX_MS = 30_000;
/** "Still unreachable" is logged after a minute, then after 2, 4, 8 … minutes, at most hourly. */
const REMIND_FIRST_MS = 60_000;
const REMIND_MAX_MS = 3600_000;

interface State {
  outage: Outage;
  probeDelay: number;
  probeTimer?: NodeJS.Timeout;
  nextReminderAt: number;
  reminderStep: number;
}

/**
 * Whether PostgreSQL and Redis are reachable, as this process sees them. Every connection of
 * ours reports its failures here, so an outage is logged once when it starts (and again, with
 * a growing interval, while it lasts) and once when it ends — not once per connection per retry.
 * While a dependency is down a probe checks it with backoff, so the end is noticed without traffic.
 * Health endpoints show the outage and when it started.
 */
@Injectable()
export class DependencyMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('Dependencies');
  private readonly down = new Map<Dependency, State>();
  private readonly probes = new Map<Dependency, () => Promise<unknown>>();
  private stopped = false;

  /** Registers how to check a dependency while it is down (a `SELECT 1`, a `PING`). */
  setProbe(dependency: Dependency, probe: () => Promise<unknown>): void {
    this.probes.set(dependency, probe);
  }

  /** A connection to `dependency` failed. Logs only when this starts an outage (or a reminder is due). */
  reportDown(dependency: Dependency, error: unknown): void {
    const now = Date.now();
    const state = this.down.get(dependency);
    if (state) {
      if (now >= state.nextReminderAt) {
        this.logger.warn(
          { dependency, since: state.outage.since.toISOString(), seconds: Math.round((now - state.outage.since.getTime()) / 1000) },
          `${dependency} still unreachable`,
        );
        state.reminderStep = Math.min(state.reminderStep * 2, REMIND_MAX_MS);
        state.nextReminderAt = now + state.reminderStep;
      }
      return;
    }
    const outage = { since: new Date(now), error: oneLine(error) };
    this.down.set(dependency, { outage, probeDelay: PROBE_FIRST_MS, nextReminderAt: now + REMIND_FIRST_MS, reminderStep: REMIND_FIRST_MS });
    this.logger.warn(
      { dependency, err: outage.error },
      `${dependency} unreachable; retrying with backoff, logging again only when it is back`,
    );
    this.scheduleProbe(dependency);
  }

  /** A connection to `dependency` works (again). Logs the end of an outage. */
  reportUp(dependency: Dependency): void {
    const state = this.down.get(dependency);
    if (!state) return;
    clearTimeout(state.probeTimer);
    this.down.delete(dependency);
    this.logger.log(
      { dependency, seconds: Math.round((Date.now() - state.outage.since.getTime()) / 1000) },
      `${dependency} reachable again`,
    );
  }

  isDown(dependency: Dependency): boolean {
    return this.down.has(dependency);
  }

  outage(dependency: Dependency): Outage | undefined {
    return this.down.get(dependency)?.outage;
  }

  private scheduleProbe(dependency: Dependency): void {
    const state = this.down.get(dependency);
    const probe = this.probes.get(dependency);
    if (!state || !probe || this.stopped) return;
    state.probeTimer = setTimeout(() => {
      probe().then(
        () => this.reportUp(dependency),
        (error: unknown) => {
          this.reportDown(dependency, error);
          state.probeDelay = Math.min(state.probeDelay * 2, PROBE_MAX_MS);
          this.scheduleProbe(dependency);
        },
      );
    }, state.probeDelay);
    // A probe never keeps a process alive that is otherwise done.
    state.probeTimer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const state of this.down.values()) clearTimeout(state.probeTimer);
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Connection strings can carry passwords; drop anything that looks like one.
  return text
    .split('\n')[0]
    .replace(/\/\/[^@\s/]*@/g, '//***@')
    .slice(0, 300);
}

/**
 * Runs a health check of `dependency` (at most `timeoutMs`), tells the monitor what it found, and
 * returns the outage when it is down. Both processes' /health use it.
 */
export async function checkDependency(
  monitor: DependencyMonitor,
  dependency: Dependency,
  check: () => Promise<unknown>,
  timeoutMs = 2000,
): Promise<Outage | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    monitor.reportUp(dependency);
    return undefined;
  } catch (error) {
    monitor.reportDown(dependency, error);
    return monitor.outage(dependency) ?? { since: new Date(), error: String(error) };
  } finally {
    clearTimeout(timer);
  }
}
