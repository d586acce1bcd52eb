import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import { demoVideoPath } from '../../apps/cli/src/demo-content';
import { seedDemo } from '../../apps/cli/src/seed-demo';

/**
 * `npm start` seeds demo data into an empty database so that a newcomer sees something: a user
 * per role, published courses, and a serving CQO for the registry pages. Run again, it adds nothing.
 */
describe('demo seed', () => {
  let ctx: TestContext;
  let db: Client;
  let printed = '';
  let firstRun = '';
  beforeAll(async () => {
    ctx = await createTestContext();
    db = new Client({ connectionString: ctx.config.databaseUrl });
    await db.connect();
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    // The first run, into the empty database: the tests read what it made (and one runs it again).
    await seedDemo(ctx.config);
    firstRun = printed;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await db.end();
    await ctx.dispose();
  });

  it('adds a user per role, published courses and an appointed CQO, and prints the log-ins', async () => {
    const { rows: users } = await db.query('SELECT username, role FROM users ORDER BY username');
    expect(users.map((u) => u.username)).toEqual(['admin', 'ent-admin', 'org-admin', 'regulator-gs', 'regulator-lz', 'trainee']);
    const { rows: courses } = await db.query("SELECT count(*)::int AS n FROM course_versions WHERE status = 'published'");
    expect(courses[0].n).toBeGreaterThan(0);
    const { rows: appointments } = await db.query(
      `SELECT a.status, a.eligibility_exception_reason, u.username FROM cqo_appointments a JOIN users u ON u.id = a.trainee_id`,
    );
    expect(appointments).toEqual([
      { status: 'serving', eligibility_exception_reason: expect.stringContaining('任职培训'), username: 'trainee' },
    ]);
    expect(firstRun).toContain('Cqo-Demo!2026');
    expect(firstRun).toContain('ent-admin');
  });

  it('gives every online lesson real content: the shipped video (its real 45 minutes) and the handout PDF, in storage', async () => {
    // Kept small in the repository (issue 15: under 2 MB).
    expect(statSync(demoVideoPath()).size).toBeLessThan(2 * 1024 * 1024);
    const { rows: lessons } = await db.query(
      `SELECT l.type, l.minutes, l.required, f.kind, f.mime_type, f.duration_seconds, f.storage_key
         FROM lessons l JOIN course_versions v ON v.id = l.course_version_id LEFT JOIN content_files f ON f.id = l.content_file_id
        WHERE v.status = 'published' AND l.type IN ('video', 'document')`,
    );
    expect(lessons.length).toBeGreaterThanOrEqual(5);
    for (const l of lessons) {
      expect(l.kind).toBe(l.type);
      expect(existsSync(join(ctx.config.storageDir, l.storage_key))).toBe(true);
      if (l.type === 'video') expect(l).toMatchObject({ mime_type: 'video/mp4', minutes: 45, duration_seconds: expect.closeTo(2700, 0) });
      else expect(l.mime_type).toBe('application/pdf');
    }
    // Declared hours are met by the required lessons at Gansu's 45-minute 学时.
    const { rows: courses } = await db.query(
      `SELECT v.credit_hours::float AS hours, sum(l.minutes) FILTER (WHERE l.required)::int AS required_minutes
         FROM course_versions v JOIN lessons l ON l.course_version_id = v.id WHERE v.status = 'published' GROUP BY v.id`,
    );
    for (const c of courses) expect(c.required_minutes).toBe(c.hours * 45);
  });

  it('adds nothing when run again', async () => {
    await seedDemo(ctx.config);
    const { rows } = await db.query(
      'SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM cqo_appointments) AS appointments',
    );
    expect(rows[0]).toEqual({ users: 6, appointments: 1 });
    expect(printed).toContain('demo data not added');
  });
});
