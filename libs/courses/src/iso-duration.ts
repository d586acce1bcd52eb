const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Seconds in an ISO 8601 duration as xAPI uses it (`PT1H30M`, `PT45.5S`, `P1DT2H`), rounded down.
 * Years and months are refused (their length is not fixed), as is an empty `P` or `PT`.
 * Returns null when the text is not such a duration.
 */
export function parseIsoDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  if (m.slice(1).every((v) => v === undefined)) return null;
  return Math.floor(weeks * 604800 + days * 86400 + hours * 3600 + minutes * 60 + seconds);
}

/** Whole seconds as an ISO 8601 duration (PT1H2M3S; PT0S for none). */
export function formatIsoDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
}
