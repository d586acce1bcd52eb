/**
 * Term dates are calendar dates (YYYY-MM-DD, China Standard Time), computed without time zones.
 * A term of N years starting on D ends the day before the N-th anniversary of D; an anniversary
 * that does not exist (29 February) is taken as 1 March, so the term ends on 28 February.
 */
export function termEndDate(appointedOn: string, years: number): string {
  const [y, m, d] = appointedOn.split('-').map(Number);
  const anniversary = Date.UTC(y + years, m - 1, d);
  return new Date(anniversary - 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a string is a real calendar date YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/**
 * Which reminder is due for a term ending in `daysLeft` days: the smallest of `reminderDays`
 * that is ≥ daysLeft (so a term registered with 50 days left gets its 90-day reminder at once,
 * and the 30-day one later); null once the term has ended or while it is further off.
 */
export function dueTermReminder(daysLeft: number, reminderDays: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const due = reminderDays.filter((d) => daysLeft <= d);
  return due.length === 0 ? null : Math.min(...due);
}
