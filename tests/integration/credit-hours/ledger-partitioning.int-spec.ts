import { DataSource } from 'typeorm';
import { buildDataSourceOptions, OutboxWriter } from '@cqo/core';
import { AccrualService, LedgerService } from '@cqo/credit-hours';
import { ALL_ENTITIES, ALL_MIGRATIONS, createSchemaDataSource } from '@cqo/schema';
import { createEmptyDatabase, databaseUrl, dropDatabase } from '@cqo/testing';

/**
 * The ledger's partitioning by year, applied to a database that already holds entries of the
 * previous (unpartitioned) schema: nothing is lost, every row lands in its year's partition, and
 * the keys that make accrual exactly-once and a reversal single still refuse duplicates —
 * including a second accrual of the same key in another year, which a per-partition unique
 * index alone would let through.
 */
describe('ledger partitioned by year, migrated over existing entries', () => {
  const name = `cqo_t_${process.env.CQO_TEST_RUN}_ledger_part`;
  const partitioning = ALL_MIGRATIONS.findIndex((m) => m.name === 'PartitionLedgerByYear1795662000000');
  let db: DataSource;
  let trainee: string;
  let admin: string;
  let before: { rows: number; digest: string };
  // The ledger as the migration left it, read before any test writes to it.
  let migrated: {
    digest: { rows: number; digest: string };
    placed: { partition: string; year: number; rows: number }[];
    keys: number;
    audited: number;
  };

  // Every column of every entry, in one text: compared before and after the migration.
  const digest = async (): Promise<{ rows: number; digest: string }> => {
    const [row]: { rows: number; digest: string }[] = await db.query(
      `SELECT count(*)::int AS rows, md5(string_agg(e::text, '|' ORDER BY e.id)) AS digest
         FROM (SELECT id, trainee_id, category, kind, hours, year, occurred_at, source, course_id, course_version_id,
                      enrollment_id, evidence_ref, accrual_key, reverses_entry_id, reason, recorded_by, created_at
                 FROM credit_entries) e`,
    );
    return row;
  };
  const code = async (sql: string, params: unknown[] = []): Promise<string | undefined> =>
    db.query(sql, params).then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );

  beforeAll(async () => {
    expect(partitioning).toBeGreaterThan(0);
    await createEmptyDatabase(name);
    // The schema as it was before the partitioning.
    const previous = new DataSource(buildDataSourceOptions(databaseUrl(name), ALL_ENTITIES, ALL_MIGRATIONS.slice(0, partitioning)));
    await previous.initialize();
    try {
      await previous.runMigrations({ transaction: 'each' });
      [{ id: trainee }] = await previous.query(
        `INSERT INTO users (username, password_hash, display_name, role) VALUES ('p1', 'x', '学员', 'trainee') RETURNING id`,
      );
      [{ id: admin }] = await previous.query(
        `INSERT INTO users (username, password_hash, display_name, role) VALUES ('p2', 'x', '管理员', 'platform_admin') RETURNING id`,
      );
      // 1,200 accruals over three years (2019 is older than anything else), one manual entry and its reversal.
      await previous.query(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, evidence_ref, accrual_key)
         SELECT $1, 1 + g % 2, 'continuing', 0.5 + (g % 7), y, make_timestamptz(y, 6, 1, 10, 0, 0, 'Asia/Shanghai'),
                'course_completion', 'bench', 'completion:' || y || ':' || g
           FROM unnest(ARRAY[2019, 2025, 2026]) y CROSS JOIN generate_series(1, 400) g`,
        [trainee],
      );
      const [{ id: manual }] = await previous.query(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, reason, recorded_by)
         VALUES ($1, 1, 'appointment', 3, 2025, '2025-03-01T02:00:00Z', 'manual_adjustment', '线下培训补录', $2) RETURNING id`,
        [trainee, admin],
      );
      const [{ id: reversal }] = await previous.query(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, reverses_entry_id, reason, recorded_by)
         VALUES ($1, 1, 'appointment', -3, 2025, '2025-03-01T02:00:00Z', 'reversal', $2, '录入错误', $3) RETURNING id`,
        [trainee, manual, admin],
      );
      for (const [action, entry] of [
        ['adjustment', manual],
        ['reversal', reversal],
      ]) {
        await previous.query(
          `INSERT INTO credit_audit_log (actor_id, actor_role, action, trainee_id, entry_id, reason, created_at)
           VALUES ($1, 'platform_admin', $2, $3, $4, '补录', now())`,
          [admin, action, trainee, entry],
        );
      }
    } finally {
      await previous.destroy();
    }
    db = await createSchemaDataSource(databaseUrl(name)).initialize();
    before = await digest();
    await db.runMigrations({ transaction: 'each' });
    const placed: { partition: string; year: number; rows: number }[] = await db.query(
      `SELECT tableoid::regclass::text AS partition, year::int AS year, count(*)::int AS rows FROM credit_entries GROUP BY 1, 2 ORDER BY 2`,
    );
    // The keys moved along: every accrual key once in the table that makes it unique across
    // years, the audit log and its entries joined by (id, year).
    const [{ keys }] = await db.query(
      `SELECT count(*)::int AS keys FROM credit_accrual_keys k JOIN credit_entries e ON e.id = k.entry_id AND e.year = k.year AND e.accrual_key = k.accrual_key`,
    );
    const [{ audited }] = await db.query(
      `SELECT count(*)::int AS audited FROM credit_audit_log a JOIN credit_entries e ON e.id = a.entry_id AND e.year = a.entry_year`,
    );
    migrated = { digest: await digest(), placed, keys, audited };
  });

  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  it('keeps every row, column for column, each in its year’s partition', async () => {
    expect(before.rows).toBe(1202);
    expect(migrated.digest).toEqual(before);
    const [{ relkind }] = await db.query(`SELECT relkind FROM pg_class WHERE relname = 'credit_entries'`);
    expect(relkind).toBe('p');
    expect(migrated.placed).toEqual([
      { partition: 'credit_entries_y2019', year: 2019, rows: 400 },
      { partition: 'credit_entries_y2025', year: 2025, rows: 402 },
      { partition: 'credit_entries_y2026', year: 2026, rows: 400 },
    ]);
    const partitions: { name: string }[] = await db.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'credit_entries'::regclass ORDER BY 1`,
    );
    const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    expect(partitions.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'credit_entries_default',
        'credit_entries_y2019',
        `credit_entries_y${thisYear}`,
        `credit_entries_y${thisYear + 1}`,
      ]),
    );
    expect(migrated.keys).toBe(1200);
    expect(migrated.audited).toBe(2);
  });

  it('still refuses a second accrual of a key, in the same year or another, and a second reversal', async () => {
    const ledger = new LedgerService(new OutboxWriter());
    const [{ id: existing }] = await db.query(`SELECT id FROM credit_entries WHERE accrual_key = 'completion:2019:7'`);
    const rowsBefore = (await digest()).rows;
    // The same key again, even dated in another year (its own partition): nothing written.
    for (const occurredAt of ['2019-06-01T02:00:00Z', '2026-06-01T02:00:00Z', '2031-06-01T02:00:00Z']) {
      const again = await db.transaction((manager) =>
        ledger.append(manager, {
          traineeId: trainee,
          category: 1,
          kind: 'continuing',
          hours: '2',
          occurredAt: new Date(occurredAt),
          source: 'course_completion',
          accrualKey: 'completion:2019:7',
        }),
      );
      expect(again).toEqual({ entryId: existing, created: false, year: 2019 });
    }
    expect((await digest()).rows).toBe(rowsBefore);
    // The database itself refuses it, whoever writes: the key table, and the per-year unique index.
    expect(
      await code(`INSERT INTO credit_accrual_keys (accrual_key, entry_id, year) VALUES ('completion:2019:7', $1, 2019)`, [existing]),
    ).toBe('23505');
    expect(
      await code(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, accrual_key)
         VALUES ($1, 1, 'continuing', 1, 2019, '2019-06-01T02:00:00Z', 'course_completion', 'completion:2019:7')`,
        [trainee],
      ),
    ).toBe('23505');
    // An entry reversed before the migration cannot be reversed again, nor reversed into another year.
    const [{ id: manual }] = await db.query(`SELECT id FROM credit_entries WHERE source = 'manual_adjustment'`);
    await expect(
      db.transaction((manager) => ledger.reverse(manager, manual, { reason: '再次撤销', recordedBy: admin })),
    ).rejects.toMatchObject({
      code: 'CREDIT_ENTRY_ALREADY_REVERSED',
    });
    expect(
      await code(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, reverses_entry_id)
         VALUES ($1, 1, 'appointment', -3, 2025, now(), 'reversal', $2)`,
        [trainee, manual],
      ),
    ).toBe('23505');
    expect(
      await code(
        `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, reverses_entry_id)
         VALUES ($1, 1, 'appointment', -3, 2026, now(), 'reversal', $2)`,
        [trainee, manual],
      ),
    ).toBe('23503');
    // Append-only on every partition.
    expect(await code(`DELETE FROM credit_entries_y2019 WHERE accrual_key = 'completion:2019:7'`)).toBe('23001');
    expect(await code(`UPDATE credit_entries SET hours = 9 WHERE accrual_key = 'completion:2019:7'`)).toBe('23001');
    expect(await code(`DELETE FROM credit_accrual_keys`)).toBe('23001');
  });

  it('accrues a new key once, in a partition made for its year', async () => {
    const ledger = new LedgerService(new OutboxWriter());
    const accrue = () =>
      db.transaction((manager) =>
        ledger.append(manager, {
          traineeId: trainee,
          category: 2,
          kind: 'continuing',
          hours: '1.5',
          occurredAt: new Date('2016-05-01T02:00:00Z'),
          source: 'course_completion',
          accrualKey: 'completion:new',
        }),
      );
    // Two at once: one writes, the other waits for it and finds the key taken.
    const results = await Promise.all([accrue(), accrue()]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0].entryId).toBe(results[1].entryId);
    const rows: { partition: string }[] = await db.query(
      `SELECT tableoid::regclass::text AS partition FROM credit_entries WHERE accrual_key = 'completion:new'`,
    );
    expect(rows).toEqual([{ partition: 'credit_entries_y2016' }]);
  });

  it('makes partitions ahead of time once (the daily maintenance job), leaving a year already in the default partition there', async () => {
    const accrual = new AccrualService(db, new LedgerService(new OutboxWriter()));
    expect(await accrual.ensurePartitions([2040, 2041])).toEqual([2040, 2041]);
    expect(await accrual.ensurePartitions([2040, 2041])).toEqual([]);
    // A row written by hand into a year without a partition lands in the default one, and stays there.
    await db.query(
      `INSERT INTO credit_entries (trainee_id, category, kind, hours, year, occurred_at, source, reason, recorded_by)
       VALUES ($1, 1, 'appointment', 1, 2050, '2050-03-01T02:00:00Z', 'manual_adjustment', '手工补录', $2)`,
      [trainee, admin],
    );
    expect(await accrual.ensurePartitions([2050])).toEqual([]);
    const [{ partition }] = await db.query(`SELECT tableoid::regclass::text AS partition FROM credit_entries WHERE year = 2050`);
    expect(partition).toBe('credit_entries_default');
  });

  it('reverts to the unpartitioned ledger with every row, and partitions again', async () => {
    const partitioned = await digest();
    // Migrations newer than the partitioning are reverted first.
    const toRevert = ALL_MIGRATIONS.length - partitioning;
    for (let i = 0; i < toRevert; i += 1) await db.undoLastMigration({ transaction: 'each' });
    const [{ relkind }] = await db.query(`SELECT relkind FROM pg_class WHERE relname = 'credit_entries'`);
    expect(relkind).toBe('r');
    expect(await digest()).toEqual(partitioned);
    await db.runMigrations({ transaction: 'each' });
    expect(await digest()).toEqual(partitioned);
  });
});
