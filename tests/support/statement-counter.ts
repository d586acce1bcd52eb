import * as pg from 'pg';

/** Counts the named (prepared) statements sent to PostgreSQL, by name, while `run` runs. */
export async function countingStatements<T>(run: () => Promise<T>): Promise<{ result: T; sent: Map<string, number> }> {
  const sent = new Map<string, number>();
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const name = (args[0] as { name?: string } | undefined)?.name;
    if (name) sent.set(name, (sent.get(name) ?? 0) + 1);
    return query.apply(this, args);
  } as never);
  try {
    return { result: await run(), sent };
  } finally {
    spy.mockRestore();
  }
}
