import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { CourseCompletedEvent } from '@cqo/core';
import { OutboxWriter } from '@cqo/core';

/**
 * Helpers for the credit-hour and compliance tests: trainees written straight to the tables
 * (no password hashing: these tests are about hours, not log-in) and completions recorded the
 * way the course engine records them, as a `course.completed` outbox event.
 */
let serial = 0;

export interface TraineeOptions {
  enterpriseId?: string | null;
  optIn?: boolean;
  fullName?: string;
}

export async function insertTrainee(db: DataSource, options: TraineeOptions = {}): Promise<string> {
  serial += 1;
  const [user]: { id: string }[] = await db.query(
    `INSERT INTO users (username, password_hash, display_name, role) VALUES ($1, 'x', $2, 'trainee') RETURNING id`,
    [`t${serial}_${randomUUID().slice(0, 8)}`, options.fullName ?? `学员${serial}`],
  );
  await db.query(
    `INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, enterprise_id, education_level, yearly_requirements_opt_in)
     VALUES ($1, $2, $3, '620102********0000', $4, 'bachelor', $5)`,
    [user.id, options.fullName ?? `学员${serial}`, `hash-${user.id}`, options.enterpriseId ?? null, options.optIn ?? false],
  );
  return user.id;
}

export async function insertEnterprise(db: DataSource, regionCode: string, name = '测试企业'): Promise<string> {
  serial += 1;
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO enterprises (name, credit_code, region_id) SELECT $1, $2, id FROM regions WHERE code = $3 RETURNING id`,
    [name, `91620100MA${String(serial).padStart(8, '0')}`, regionCode],
  );
  return row.id;
}

export function completion(traineeId: string, overrides: Partial<CourseCompletedEvent> = {}): CourseCompletedEvent {
  return {
    enrollmentId: randomUUID(),
    traineeId,
    courseId: randomUUID(),
    courseVersionId: randomUUID(),
    organizationId: randomUUID(),
    category: 1,
    kind: 'continuing',
    creditHours: '2',
    completedAt: '2026-03-01T02:00:00Z',
    ...overrides,
  };
}

/** Records a completion as the course engine does: an outbox event in its own transaction. */
export async function recordCompletion(db: DataSource, event: CourseCompletedEvent): Promise<string> {
  const writer = new OutboxWriter();
  return db.transaction((manager: EntityManager) => writer.record(manager, 'course.completed', event));
}

export async function ledgerOf(db: DataSource, traineeId: string): Promise<{ id: string; hours: string; year: number; source: string }[]> {
  return db.query('SELECT id, hours::text, year, source FROM credit_entries WHERE trainee_id = $1 ORDER BY created_at, id', [traineeId]);
}

export interface StatusRow {
  requirement: string;
  period_year: number;
  required: string;
  accrued: string;
  shortfall: string;
  state: string;
  final: boolean;
}

export async function statusOf(db: DataSource, traineeId: string, requirement: string, periodYear: number): Promise<StatusRow | undefined> {
  const rows: StatusRow[] = await db.query(
    `SELECT requirement, period_year, required::text, accrued::text, shortfall::text, state, final
       FROM compliance_statuses WHERE trainee_id = $1 AND requirement = $2 AND period_year = $3`,
    [traineeId, requirement, periodYear],
  );
  return rows[0];
}
