import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@cqo/core';
import { Role } from '@cqo/core';
import { RegistryExportsService } from '@cqo/reporting';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { eventually } from '../../support/worker';

// Exports stream from PostgreSQL (COPY for CSV, a cursor for XLSX): a client that goes away
// mid-export must not leave a connection busy (or back in the pool mid-COPY).
describe('export streams', () => {
  let api: TestApi;
  let db: DataSource;
  const province: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    role: Role.PlatformAdmin,
    organizationId: null,
    enterpriseId: null,
    regionId: null,
    regionPath: null,
  };
  const ROWS = 30_000;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.get<DataSource>(getDataSourceToken());
    // Enough appointments that the export is still running after its first chunk.
    await db.query(`
      INSERT INTO enterprises (name, credit_code, region_id)
      SELECT '导出企业' || g, 'EXPORT' || lpad(g::text, 12, '0'), (SELECT id FROM regions WHERE code = '620100') FROM generate_series(1, ${ROWS}) g`);
    await db.query(
      `INSERT INTO users (username, password_hash, display_name, role) SELECT 'exp' || g, 'x', '学员' || g, 'trainee' FROM generate_series(1, ${ROWS}) g`,
    );
    await db.query(`
      INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, enterprise_id, education_level)
      SELECT u.id, u.display_name, 'h' || u.username, '620102********0000', e.id, 'bachelor'
        FROM (SELECT id, username, display_name, row_number() OVER (ORDER BY username) AS n FROM users WHERE username LIKE 'exp%') u
        JOIN (SELECT id, row_number() OVER (ORDER BY credit_code) AS n FROM enterprises WHERE credit_code LIKE 'EXPORT%') e ON e.n = u.n`);
    await db.query(`
      INSERT INTO cqo_appointments (enterprise_id, trainee_id, position_title, position_level, authorization_certificate_no, appointed_on, term_years, term_ends_on,
                                    eligibility, eligible, status, created_at, updated_at)
      SELECT p.enterprise_id, p.user_id, '副总经理', 'deputy_general_manager', 'A-' || p.user_id, '2026-01-01', 3, '2028-12-31', '{}'::jsonb, true, 'serving', now(), now()
        FROM trainee_profiles p WHERE p.id_number_hash LIKE 'hexp%'`);
  });
  afterAll(() => api.close());

  const busy = async (): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query ILIKE 'COPY (%' OR query ILIKE '%registry_export%') AND state <> 'idle'`,
        )
      )[0].n,
    );

  const waitingOnClient = async (): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'COPY (%' AND state = 'active' AND wait_event = 'ClientWrite'`,
        )
      )[0].n,
    );

  it.each(['csv', 'xlsx'] as const)('streams every row as %s', async (format) => {
    const file = await api.get(RegistryExportsService).export(province, 'appointments', format, { status: 'all' });
    let bytes = 0;
    for await (const chunk of file.stream) bytes += (chunk as Buffer).length;
    expect(bytes).toBeGreaterThan(format === 'csv' ? ROWS * 80 : 100_000);
  });

  // The CSV of 30,000 rows (about 5 MB) can fit in the kernel's socket buffers, so only the XLSX
  // (about 40 MB of sheet XML) reliably shows PostgreSQL waiting for the client.
  it.each([
    ['csv', false],
    ['xlsx', true],
  ] as const)('stops PostgreSQL when the %s client goes away (held back while it does not read: %s)', async (format, heldBack) => {
    const file = await api.get(RegistryExportsService).export(province, 'appointments', format, { status: 'all' });
    // Read until rows are flowing (past the zip's first parts), then stop reading: the
    // backpressure reaches PostgreSQL, whose COPY (or cursor) waits for us.
    let read = 0;
    await new Promise<void>((resolve) =>
      file.stream.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > 64 * 1024) {
          file.stream.pause();
          resolve();
        }
      }),
    );
    // Held back: PostgreSQL's COPY, still running, blocks writing to us (the socket is full).
    if (heldBack) await eventually(async () => ((await waitingOnClient()) === 1 ? true : undefined), 10_000, 'COPY waiting on the client');
    file.stream.destroy();
    await eventually(async () => ((await busy()) === 0 ? true : undefined), 5_000, 'no export query left running');
    // The pool still answers (no connection left behind mid-COPY).
    expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
