import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSqlSnapshot } from './sql-snapshot';

// Every lib's `src/**/*.sql.ts` statements, as committed in `libs/<lib>/queries/*.sql`. Run
// `npm run sql:snapshot` after changing a statement and commit the .sql files with it.
const LIBS = join(__dirname, '../../..');
const update = process.env.SQL_SNAPSHOT === 'update';
const libs = readdirSync(LIBS).filter((lib) => existsSync(join(LIBS, lib, 'src')));

describe('SQL snapshot', () => {
  it.each(libs)('libs/%s/queries matches the statements in code', (lib) => {
    // Jest runs specs as CommonJS: require loads each module where its statements are defined.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sut = checkSqlSnapshot(join(LIBS, lib), (path) => require(path) as Record<string, unknown>, update);
    expect(sut).toEqual([]);
  });
});
