import { chinaDateOf, chinaYearOf, chinaYearStart } from '@cqo/core';

/**
 * Where "now" falls relative to a requirement year, all in China Standard Time. The compliance
 * SQL takes these values as parameters, so the time rules live here, in one tested place.
 */
export interface PeriodPosition {
  year: number;
  /** Whether the year has ended (now is at or after 1 January 00:00 CST of the next year). */
  closed: boolean;
  /**
   * The share of the year elapsed, as a decimal string with 6 places in [0, 1]: the pro-rating
   * of the at-risk test. 1 once closed; 0 before the year starts.
   */
  elapsedShare: string;
}

export function periodPosition(year: number, now: Date): PeriodPosition {
  const start = chinaYearStart(year).getTime();
  const end = chinaYearStart(year + 1).getTime();
  const t = now.getTime();
  const closed = t >= end;
  const share = t <= start ? 0 : closed ? 1 : (t - start) / (end - start);
  // Six decimal places: about 30 seconds of a year; floats never reach the hour arithmetic.
  const elapsedShare = (Math.floor(share * 1_000_000) / 1_000_000).toFixed(6);
  return { year, closed, elapsedShare };
}

/** The requirement year that is open now (CST). */
export function currentYear(now: Date): number {
  return chinaYearOf(now);
}

/**
 * The reminder date due now, if any: the latest of `dates` ('MM-DD') in the current CST year that
 * is today or at most `catchUpDays` before (so a worker that was down on 1 October still sends
 * the 1 October reminder the next morning). Returns YYYY-MM-DD or null.
 */
export function dueReminderDate(dates: readonly string[], now: Date, catchUpDays: number): string | null {
  const today = chinaDateOf(now);
  const year = today.slice(0, 4);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  let due: string | null = null;
  for (const md of dates) {
    const date = `${year}-${md}`;
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms) || ms > todayMs || todayMs - ms > catchUpDays * 86_400_000) continue;
    if (due === null || date > due) due = date;
  }
  return due;
}
