/**
 * Credit hours are exact decimals with at most two places, carried as text end to end (numeric
 * in PostgreSQL, strings in TypeScript) so that 20.5 + 0.5 is exactly 21 and never 20.999….
 */
const HOURS = /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/;

/** Whether `value` is a non-negative decimal with at most 4 integer digits and 2 decimals. */
export function isDecimalHours(value: unknown): value is string {
  return typeof value === 'string' && HOURS.test(value);
}

/** Whether the decimal text is strictly positive (`0`, `0.0`, `0.00` are not). */
export function isPositiveHours(value: string): boolean {
  return isDecimalHours(value) && /[1-9]/.test(value);
}

/** Hundredths of an hour as a bigint, for exact comparisons without floats. */
export function toCentiHours(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** Formats hundredths back to the shortest decimal text (`2050n` → `20.5`). */
export function fromCentiHours(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Normalizes numeric text from PostgreSQL (`21.00`) to the shortest form (`21`). */
export function normalizeHours(value: string): string {
  return fromCentiHours(toCentiHours(value));
}
