import type { Harness } from './harness';
import { createHarness } from './harness';

// Rule: a correction is a reversal entry (plus, if needed, a new entry), never an edit or delete;
// a reversal in a closed year moves that year from complete back to shortfall.
describe('scenario: a reversal moves a trainee from complete back to shortfall', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('2025-10-01T02:00:00Z');
  });
  afterAll(() => h.close());

  it("reverses one of last year's courses, flags the shortfall, and keeps the original entry", async () => {
    const trainee = await h.trainee({ optIn: true });
    await h.complete(trainee, { creditHours: '8' });
    const second = await h.complete(trainee, { creditHours: '6' });
    h.clock.set('2026-01-01T00:10:00Z'); // 08:10 CST on 1 January: the year-close run
    await h.engine.recomputeAll({ year: 2025 });
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({ accrued: '14.00', state: 'complete', final: true });

    h.clock.set('2026-02-10T02:00:00Z');
    const reversal = await h.adjustments.reverse(h.admin, second.entryId, '培训机构撤销该课程的结业认定');
    await h.engine.recomputeTrainee(trainee, reversal.year);
    expect(reversal.year).toBe(2025);
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({
      accrued: '8.00',
      shortfall: '6.00',
      state: 'shortfall',
      final: true,
    });
    // Flag history for 2025: at risk in October (8 of 14 hours with three quarters of the year gone),
    // cleared when complete, raised again as a shortfall by the reversal.
    const flags = await h.db.query(
      `SELECT raised_state, state, cleared_state FROM compliance_flags WHERE trainee_id = $1 AND period_year = 2025 AND requirement = 'continuing' ORDER BY raised_at`,
      [trainee],
    );
    expect(flags).toEqual([
      { raised_state: 'at_risk', state: 'at_risk', cleared_state: 'complete' },
      { raised_state: 'shortfall', state: 'shortfall', cleared_state: null },
    ]);

    const ledger = await h.db.query(
      'SELECT id, hours::text, source, reverses_entry_id FROM credit_entries WHERE trainee_id = $1 ORDER BY created_at, id',
      [trainee],
    );
    expect(ledger.map((e: { hours: string; source: string }) => [e.hours, e.source])).toEqual([
      ['8.00', 'course_completion'],
      ['6.00', 'course_completion'],
      ['-6.00', 'reversal'],
    ]);
    const audit = await h.db.query('SELECT action, reason, entry_id FROM credit_audit_log WHERE trainee_id = $1', [trainee]);
    expect(audit).toEqual([{ action: 'reversal', reason: '培训机构撤销该课程的结业认定', entry_id: reversal.entryId }]);

    // A second reversal of the same entry is refused; so is reversing the reversal.
    await expect(h.adjustments.reverse(h.admin, second.entryId, '重复冲销')).rejects.toMatchObject({
      code: 'CREDIT_ENTRY_ALREADY_REVERSED',
    });
    await expect(h.adjustments.reverse(h.admin, reversal.entryId, '冲销冲销')).rejects.toMatchObject({ code: 'CREDIT_ENTRY_IS_REVERSAL' });

    // The correction's new entry (a make-up course counted for 2025 by hand) completes the year again and clears the flag.
    await h.adjustments.adjust(h.admin, {
      traineeId: trainee,
      category: 1,
      kind: 'continuing',
      hours: '6',
      occurredOn: '2025-12-20',
      reason: '补录线下培训学时',
    });
    await h.engine.recomputeTrainee(trainee, 2025);
    expect(await h.status(trainee, 'continuing', 2025)).toMatchObject({ accrued: '14.00', state: 'complete' });
    const open = await h.db.query(
      `SELECT 1 FROM compliance_flags WHERE trainee_id = $1 AND period_year = 2025 AND requirement = 'continuing' AND cleared_at IS NULL`,
      [trainee],
    );
    expect(open).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the ledger at the database', async () => {
    const trainee = await h.trainee();
    const { entryId } = await h.complete(trainee, { creditHours: '1' });
    // An audited adjustment, so that the audit log has a row for the DELETE below to be refused on.
    await h.adjustments.adjust(h.admin, {
      traineeId: trainee,
      category: 1,
      kind: 'continuing',
      hours: '1',
      occurredOn: '2025-09-01',
      reason: '补录线下培训学时',
    });
    await expect(h.db.query(`UPDATE credit_entries SET hours = 99 WHERE id = $1`, [entryId])).rejects.toThrow(/append-only/);
    await expect(h.db.query(`DELETE FROM credit_entries WHERE id = $1`, [entryId])).rejects.toThrow(/append-only/);
    await expect(h.db.query(`TRUNCATE credit_entries CASCADE`)).rejects.toThrow(/append-only/);
    await expect(h.db.query(`DELETE FROM credit_audit_log`)).rejects.toThrow(/append-only/);
  });
});
