import { Readable } from 'node:stream';
import { stringify as stringifyStream } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold; `null`/`undefined` are empty cells, dates are ISO 8601. */
export type CsvValue = string | number | boolean | null | undefined | Date;

/**
 * The one rule against CSV formula injection (OWASP): text whose first non-space character is
 * `= + - @`, or that starts with a TAB, CR or LF, would run as a formula in Excel or WPS, so it
 * gets a leading apostrophe. Text is trimmed first (names in particular arrive with stray spaces).
 * PostgreSQL-built exports use {@link csvSafeSql}, the same rule in SQL; a test keeps them equal.
 */
export function csvSafeText(value: string): string {
  const dangerous = LEADING_CONTROL.test(value) || LEADING_FORMULA.test(value);
  const trimmed = value.replace(EDGE_SPACES, '');
  return dangerous ? `'${trimmed}` : trimmed;
}

/** The spaces trimmed and skipped, listed so that JavaScript and SQL agree exactly. */
const SPACES = ' \t\r\n\v\f\u00a0\u3000\ufeff';
const LEADING_CONTROL = /^[\t\r\n]/;
const LEADING_FORMULA = new RegExp(`^[${SPACES}]*[=+\\-@]`);
const EDGE_SPACES = new RegExp(`^[${SPACES}]+|[${SPACES}]+$`, 'g');

/** {@link csvSafeText} as a SQL expression over a `text` expression (for `COPY … (FORMAT csv)`). */
export function csvSafeSql(text: string): string {
  // The characters themselves go into the literals (no escapes), so the sets are the same as above.
  const trimmed = `btrim(${text}, '${SPACES}')`;
  return `CASE WHEN ${text} ~ '^([\t\r\n]|[${SPACES}]*[=+@-])' THEN '''' || ${trimmed} ELSE ${trimmed} END`;
}

const OPTIONS = {
  // Excel opens UTF-8 as Chinese only with a byte-order mark; CRLF as RFC 4180 says.
  bom: true,
  record_delimiter: 'windows',
  cast: {
    string: (value: string) => csvSafeText(value),
    date: (value: Date) => value.toISOString(),
    boolean: (value: boolean) => String(value),
  },
} as const;

/** A whole CSV file (header first) for small exports. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return stringify([header, ...rows] as CsvValue[][], OPTIONS);
}

/** A CSV file streamed as its rows come (e.g. keyset batches from the database); memory stays bounded. */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>): Readable {
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield [...row];
    })(),
  );
  return source.pipe(stringifyStream(OPTIONS));
}

/** Only the header line (BOM included), for exports whose rows PostgreSQL formats with {@link csvSafeSql}. */
export function csvHeaderLine(header: readonly string[], lineEnd: '\n' | '\r\n' = '\r\n'): string {
  return stringify([header as string[]], { ...OPTIONS, record_delimiter: lineEnd === '\n' ? 'unix' : 'windows' });
}
