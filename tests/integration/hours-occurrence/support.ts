import { DataSource } from 'typeorm';
import type { FakeClock } from '@cqo/core';
import { AccrualService, ComplianceEngine } from '@cqo/credit-hours';
import type { TestApi } from '../../support/api';
import { enrol, publishCourse } from '../../support/courses';
import type { World } from '../../support/fixtures';

/** A category-2, 30-学时 in-person course whose one session runs 20:00–23:59 CST on 31 December 2026 (test world: 1 min a 学时). */
export function newYearsEveSession(): Record<string, unknown> {
  return {
    title: '除夕前夜现场实训',
    description: '第二类方法培训：面授实训，12月31日晚间。',
    category: 2,
    topicCodes: ['six-sigma'],
    kind: 'continuing',
    creditHours: '30',
    deliveryMode: 'in_person',
    capacity: null,
    lessons: [
      {
        title: '现场实训',
        type: 'live_session',
        minutes: 180,
        required: true,
        startsAt: '2026-12-31T12:00:00Z',
        endsAt: '2026-12-31T15:59:00Z',
        venue: '兰州',
      },
    ],
  };
}

/**
 * What the worker does after a completion: the accrual job turns the outbox's `course.completed`
 * into a ledger entry, then the recompute job judges the entry's year (re-opening it if closed).
 */
export async function runAccrualJobs(api: TestApi, traineeId: string): Promise<number[]> {
  const db = api.get(DataSource);
  const events: { id: string; payload: unknown }[] = await db.query(
    `SELECT id, payload FROM outbox_events WHERE type = 'course.completed' AND payload->>'traineeId' = $1 ORDER BY id`,
    [traineeId],
  );
  const years: number[] = [];
  for (const e of events) {
    const { year } = await api.get(AccrualService).accrueCompletion(e.id, e.payload);
    await api.get(ComplianceEngine).recomputeTrainee(traineeId, year, `credit.accrued:${e.id}`);
    years.push(year);
  }
  return years;
}

/** The LZ trainee held to the yearly requirements, enrolled (in December) in a published course. */
export async function enrolledInCourse(
  api: TestApi,
  world: World,
  clock: FakeClock,
  body: Record<string, unknown>,
): Promise<{ version: Awaited<ReturnType<typeof publishCourse>>; enrollmentId: string }> {
  await api
    .get(DataSource)
    .query('UPDATE trainee_profiles SET yearly_requirements_opt_in = true WHERE user_id = $1', [world.users.traineeLZ]);
  const version = await publishCourse(api, world, body);
  void clock;
  return { version, enrollmentId: await enrol(api, world.tokens.traineeLZ, version.id) };
}
