/** Builds positional parameters for a statement's chosen fragments: `sql.p(value)` returns `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The page terms of a list statement, `LIMIT $n OFFSET $m`, numbered by `sql`. */
export function limitOffset(sql: SqlParams, limit: number, offset: number): string {
  return `LIMIT ${sql.p(limit)} OFFSET ${sql.p(offset)}`;
}
