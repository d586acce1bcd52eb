import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApi } from '../../support/api';

/** Issue 13, problem 7: production refuses to start on weak settings, and hides /docs unless asked. */
const DIST = join(__dirname, '../../../dist/apps');
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: 'jwt-Zq8vN3xK7pLw2RtY6uJc9HbE4mGs5Da1',
  PII_HASH_KEY: 'pii-Zq8vN3xK7pLw2RtY6uJc9HbE4mGs5Da1',
  CERTIFICATE_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIB3v0tGg8mVq9sS1m2dE6bF7cH4kJ5nL0pQ8rT2uW9yX',
  PUBLIC_BASE_URL: 'https://cqo.amr.gansu.gov.cn',
};

function start(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('production configuration', () => {
  it.each([
    ['api', { JWT_ACCESS_SECRET: 'a'.repeat(32), PII_HASH_KEY: 'a'.repeat(32) }, 'JWT_ACCESS_SECRET is too weak'],
    ['api', { PII_HASH_KEY: PRODUCTION.JWT_ACCESS_SECRET }, 'PII_HASH_KEY must differ from JWT_ACCESS_SECRET'],
    ['api', { PUBLIC_BASE_URL: 'http://localhost:3000' }, 'PUBLIC_BASE_URL must be an https:// URL'],
    ['worker', { JWT_ACCESS_SECRET: '' }, 'JWT_ACCESS_SECRET must be set in production'],
  ])('%s refuses to start (%j) with one line naming the variable', async (app, change, message) => {
    const result = await start(join(DIST, `${app}/src/main.js`), { ...PRODUCTION, ...change });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${app}: Invalid configuration: ${message}`);
  });

  it('serves no /docs in production unless DOCS_ENABLED=true', async () => {
    const hidden = await createTestApi({ env: PRODUCTION });
    try {
      expect((await hidden.request({ method: 'GET', url: '/docs-json' })).statusCode).toBe(404);
      expect((await hidden.request({ method: 'GET', url: '/docs' })).statusCode).toBe(404);
    } finally {
      await hidden.close();
    }
    const shown = await createTestApi({ env: { ...PRODUCTION, DOCS_ENABLED: 'true' } });
    try {
      expect((await shown.request({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
    } finally {
      await shown.close();
    }
  });
});
