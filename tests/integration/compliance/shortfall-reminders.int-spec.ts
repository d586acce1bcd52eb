import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: trainees short of a yearly requirement, and their enterprise admins, are reminded on the
// rule set's dates (default 1 October, 1 December, 24 December), never twice for the same flag and date.
describe("scenario: shortfall reminders on the rule set's dates", () => {
  let h: Harness;
  let enterprise: string;
  let entAdmin: string;
  let trainee: string;

  // Each test its own harness (database, clock): the December test completes the trainee's hours and clears the flag.
  beforeEach(async () => {
    h = await createHarness('2026-09-30T02:00:00Z');
    enterprise = await h.enterprise('620100', '兰州某某机械有限公司');
    [{ id: entAdmin }] = await h.db.query(
      `INSERT INTO users (username, password_hash, display_name, role, enterprise_id) VALUES ('ent', 'x', '企业管理员', 'enterprise_admin', $1) RETURNING id`,
      [enterprise],
    );
    trainee = await h.trainee({ optIn: true, enterpriseId: enterprise, fullName: '张三' });
    await h.complete(trainee, { creditHours: '4' });
    await h.complete(trainee, { category: 2, creditHours: '30' });
  });
  afterEach(() => h?.close());

  const notifications = (userId: string) =>
    h.db.query(`SELECT title, body, dedupe_key FROM notifications WHERE user_id = $1 ORDER BY dedupe_key`, [userId]);

  it('sends nothing on 30 September', async () => {
    expect(await h.reminders.sendDue()).toMatchObject({ due: [], sent: 0 });
  });

  it('on 1 October reminds the trainee and the enterprise admin once, whatever the number of runs', async () => {
    h.clock.set('2026-10-01T01:00:00Z'); // 09:00 CST
    const first = await h.reminders.sendDue();
    expect(first).toMatchObject({ due: [{ date: '2026-10-01' }], flags: 1, sent: 2 });
    expect(await h.reminders.sendDue()).toMatchObject({ flags: 1, sent: 0 });
    h.clock.set('2026-10-02T01:00:00Z'); // the next morning: the 1 October reminder is not sent again
    expect(await h.reminders.sendDue()).toMatchObject({ sent: 0 });

    const own = await notifications(trainee);
    expect(own).toEqual([
      expect.objectContaining({
        title: '2026年度第一类继续教育进度滞后提醒',
        body: '您2026年度的第一类继续教育要求不少于14学时，目前已完成4学时，尚差10学时。请在12月31日前完成学习。',
      }),
    ]);
    const admin = await notifications(entAdmin);
    expect(admin).toHaveLength(1);
    expect(admin[0].body).toContain('贵企业张三2026年度的第一类继续教育');
  });

  it('reminds again on 1 December, catches up a missed 24 December, and stops once the flag is cleared', async () => {
    h.clock.set('2026-10-01T01:00:00Z'); // the 1 October reminder went out
    expect(await h.reminders.sendDue()).toMatchObject({ due: [{ date: '2026-10-01' }], sent: 2 });
    h.clock.set('2026-12-01T01:00:00Z');
    await h.engine.recomputeAll({ year: 2026 });
    expect(await h.reminders.sendDue()).toMatchObject({ due: [{ date: '2026-12-01' }], sent: 2 });

    h.clock.set('2026-12-26T01:00:00Z'); // the worker was down on the 24th
    expect(await h.reminders.sendDue()).toMatchObject({ due: [{ date: '2026-12-24' }], sent: 2 });
    expect(await notifications(trainee)).toHaveLength(3);

    await h.complete(trainee, { creditHours: '10' });
    const flags = await h.db.query(
      `SELECT state, cleared_state FROM compliance_flags WHERE trainee_id = $1 AND requirement = 'continuing'`,
      [trainee],
    );
    expect(flags).toEqual([{ state: 'at_risk', cleared_state: 'complete' }]);
    await h.db.query(`DELETE FROM notifications WHERE user_id = $1`, [trainee]);
    expect(await h.reminders.sendDue()).toMatchObject({ flags: 0, sent: 0 });
  });
});
