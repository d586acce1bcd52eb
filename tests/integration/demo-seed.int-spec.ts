import { Client } from 'pg';
import { createTestContext, TestContext } from '@cqo/testing';
import { seedDemo } from '../../apps/cli/src/seed-demo';

/**
 * `npm start` seeds demo data into an empty database so that a newcomer sees something: a user
 * per role, published courses, and a serving CQO for the registry pages. Run again, it adds nothing.
 */
describe('demo seed', () => {
  let ctx: TestContext;
  let db: Client;
  let printed = '';
  beforeAll(async () => {
    ctx = await createTestContext();
    db = new Client({ connectionString: ctx.config.databaseUrl });
    await db.connect();
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await db.end();
    await ctx.dispose();
  });

  it('adds a user per role, published courses and an appointed CQO, and prints the log-ins', async () => {
    await seedDemo(ctx.config);
    const { rows: users } = await db.query('SELECT username, role FROM users ORDER BY username');
    expect(users.map((u) => u.username)).toEqual(['admin', 'ent-admin', 'org-admin', 'regulator-gs', 'regulator-lz', 'trainee']);
    const { rows: courses } = await db.query("SELECT count(*)::int AS n FROM course_versions WHERE status = 'published'");
    expect(courses[0].n).toBeGreaterThan(0);
    const { rows: appointments } = await db.query(
      `SELECT a.status, a.eligibility_exception_reason, u.username FROM cqo_appointments a JOIN users u ON u.id = a.trainee_id`,
    );
    expect(appointments).toEqual([{ status: 'serving', eligibility_exception_reason: expect.stringContaining('任职培训'), username: 'trainee' }]);
    expect(printed).toContain('Cqo-Demo!2026');
    expect(printed).toContain('ent-admin');
  });

  it('adds nothing when run again', async () => {
    await seedDemo(ctx.config);
    const { rows } = await db.query('SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM cqo_appointments) AS appointments');
    expect(rows[0]).toEqual({ users: 6, appointments: 1 });
    expect(printed).toContain('demo data not added');
  });
});
