import { randomUUID } from 'node:crypto';
import type { Harness } from '../compliance/harness';
import { createHarness } from '../compliance/harness';
import { completion, ledgerOf } from './support';

/** The reconciliation pass over the outbox: accrues what was missed, passes over what can never be accrued. */
describe('reconciliation of completions without a ledger entry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2026-06-01T02:00:00Z');
  });
  afterAll(() => h.close());

  const event = async (payload: object, minutesAgo: number): Promise<string> => {
    const [row] = await h.db.query(
      `INSERT INTO outbox_events (type, payload, created_at, relayed_at) VALUES ('course.completed', $1, now() - make_interval(mins => $2), now()) RETURNING id`,
      [JSON.stringify(payload), minutesAgo],
    );
    return row.id;
  };

  it('accrues missed completions, skips a poison event for good, and moves its watermark over settled events only', async () => {
    const trainee = await h.trainee();
    await event(completion(trainee, { creditHours: '1' }), 30);
    await event(completion(randomUUID(), { creditHours: '1' }), 20); // a trainee who does not exist
    const settled = await event(completion(trainee, { creditHours: '2' }), 10);
    await event(completion(trainee, { creditHours: '4' }), 0); // too young to move the watermark over

    const first = await h.accrual.reconcile();
    expect(first).toMatchObject({ scanned: 4, accrued: 3, skipped: 1, failed: 0, cursor: settled });
    expect((await ledgerOf(h.db, trainee)).map((e) => e.hours)).toEqual(['1.00', '2.00', '4.00']);

    const second = await h.accrual.reconcile();
    expect(second).toMatchObject({ scanned: 1, accrued: 0, skipped: 0, cursor: settled });
  });
});
