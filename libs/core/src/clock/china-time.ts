/**
 * China Standard Time is UTC+8 all year (no daylight saving), so the notice's calendar year
 * and dates can be computed by a fixed offset, without a time-zone database.
 */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar year in China Standard Time of an instant: 2025-12-31T16:30Z is in 2026. */
export function chinaYearOf(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCFullYear();
}

/** The instant at which a calendar year starts in China Standard Time. */
export function chinaYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - CST_OFFSET_MS);
}

/** The date (YYYY-MM-DD) in China Standard Time of an instant. */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
