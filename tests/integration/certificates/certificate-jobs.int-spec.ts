import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, FakeClock, OutboxWriter, Queues, queuePrefix, redisConnectionOptions } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { createTestWorker, eventually } from '../../support/worker';
import { completedEvent, insertCourseVersion, insertEnrollment } from './support';

interface CertificateRow {
  kind: string;
  subject_key: string;
  period: string;
  serial: string;
  facts: Record<string, unknown>;
}

/** Certificates issued by the worker from events, end to end: outbox → relay → jobs → PDF → record. */
describe('certificate jobs', () => {
  const clock = new FakeClock(new Date('2026-11-20T02:00:00Z'));
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;
  let dataSource: DataSource;
  let queue: Queue;

  const certificatesOf = (traineeId: string): Promise<CertificateRow[]> =>
    dataSource.query(
      "SELECT kind, subject_key, period, serial, content->'facts' AS facts FROM certificates WHERE trainee_id = $1 ORDER BY kind, period",
      [traineeId],
    );

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    worker = await createTestWorker(api.ctx.config, { clock });
    dataSource = api.get(DataSource);
    queue = new Queue(Queues.certificates, { connection: redisConnectionOptions(api.ctx.config), prefix: queuePrefix(api.ctx.config) });
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await api.close();
  });

  it('runs the same issue-course job 5 times and makes one certificate', async () => {
    const version = await insertCourseVersion(dataSource, world.orgA, {
      title: '质量管理小组（QC小组）活动实务',
      category: 2,
      kind: 'continuing',
      creditHours: '6',
    });
    const enrollmentId = await insertEnrollment(dataSource, world.users.traineeTS, version, { completedAt: '2026-10-08T03:00:00Z' });
    const event = completedEvent(enrollmentId, world.users.traineeTS, world.orgA, version, {
      category: 2,
      creditHours: '6',
      completedAt: '2026-10-08T03:00:00Z',
    });
    // Five deliveries of the same completion (a relay retry, a duplicated event, a re-run...): distinct job ids.
    const jobs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        queue.add(
          'certificates.issue-course',
          { eventId: `dup-${n}`, event },
          { ...DEFAULT_JOB_OPTIONS, jobId: `dup-${enrollmentId}-${n}` },
        ),
      ),
    );
    const results = await eventually(
      async () => {
        const states = await Promise.all(jobs.map((j) => queue.getJob(j.id!)));
        return states.every((j) => j?.finishedOn) ? states.map((j) => j!.returnvalue as { serial: string; created: boolean }) : undefined;
      },
      30_000,
      'five jobs done',
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.serial)).size).toBe(1);
    const rows = await certificatesOf(world.users.traineeTS);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'course_completion', subject_key: enrollmentId, period: '2026', serial: results[0].serial });
    expect(rows[0].facts).toMatchObject({
      courseTitle: '质量管理小组（QC小组）活动实务',
      organizationName: '甲培训机构',
      creditHours: '6',
    });
  });

  // One story: the certificates are issued as completions accrue, and asking again gives the same ones.
  it('issues the completion, appointment and yearly certificates as completions accrue, from the outbox, and the same ones again when asked', async () => {
    const trainee = world.users.traineeLZ;
    const record = async (event: ReturnType<typeof completedEvent>) =>
      dataSource.transaction((manager) => api.get(OutboxWriter).record(manager, 'course.completed', event));
    // Appointment training: 21 category-1 appointment hours and the final exam passed.
    const appointment = await insertCourseVersion(dataSource, world.orgA, {
      title: '首席质量官任职培训',
      category: 1,
      kind: 'appointment',
      creditHours: '21',
    });
    const e1 = await insertEnrollment(dataSource, trainee, appointment, {
      completedAt: '2026-04-02T02:00:00Z',
      finalExamPassedAt: '2026-04-02T01:30:00Z',
    });
    await record(
      completedEvent(e1, trainee, world.orgA, appointment, { kind: 'appointment', creditHours: '21', completedAt: '2026-04-02T02:00:00Z' }),
    );
    await eventually(
      async () => ((await certificatesOf(trainee)).some((c) => c.kind === 'appointment_training') ? true : undefined),
      30_000,
      'appointment certificate',
    );
    // Yearly: 14 category-1 continuing and 30 category-2 hours in 2026 (appointment hours do not count).
    const continuing = await insertCourseVersion(dataSource, world.orgA, {
      title: '企业质量文化建设',
      category: 1,
      kind: 'continuing',
      creditHours: '14',
    });
    const methods = await insertCourseVersion(dataSource, world.orgA, {
      title: '六西格玛管理',
      category: 2,
      kind: 'continuing',
      creditHours: '30',
    });
    const e2 = await insertEnrollment(dataSource, trainee, continuing, { completedAt: '2026-06-01T02:00:00Z' });
    await record(completedEvent(e2, trainee, world.orgA, continuing, { creditHours: '14', completedAt: '2026-06-01T02:00:00Z' }));
    // Category 1 alone: no yearly certificate yet.
    await eventually(
      async () => ((await certificatesOf(trainee)).filter((c) => c.kind === 'course_completion').length === 2 ? true : undefined),
      30_000,
      'two course certificates',
    );
    const e3 = await insertEnrollment(dataSource, trainee, methods, { completedAt: '2026-09-01T02:00:00Z' });
    await record(completedEvent(e3, trainee, world.orgA, methods, { category: 2, creditHours: '30', completedAt: '2026-09-01T02:00:00Z' }));
    const rows = await eventually(
      async () => {
        const all = await certificatesOf(trainee);
        return all.some((c) => c.kind === 'yearly_continuing') && all.filter((c) => c.kind === 'course_completion').length === 3
          ? all
          : undefined;
      },
      30_000,
      'yearly certificate',
    );
    expect(rows.map((r) => [r.kind, r.period])).toEqual([
      ['appointment_training', 'once'],
      ['course_completion', '2026'],
      ['course_completion', '2026'],
      ['course_completion', '2026'],
      ['yearly_continuing', '2026'],
    ]);
    expect(rows.find((r) => r.kind === 'appointment_training')!.facts).toMatchObject({
      appointmentHours: '21',
      requiredHours: '21',
      examPassedAt: '2026-04-02T01:30:00.000Z',
    });
    expect(rows.find((r) => r.kind === 'yearly_continuing')!.facts).toMatchObject({
      year: 2026,
      category1Hours: '14',
      category1Required: '14',
      category2Hours: '30',
      category2Required: '30',
    });
    expect(rows.find((r) => r.kind === 'appointment_training')!.serial).toMatch(/^GS-CQO-2026-\d{6}-[0-9A-Z]{2}$/);

    // Asked for again (the trainee's request), the same certificates come back and nothing new is made.
    const before = await certificatesOf(world.users.traineeLZ);
    const res = await api.request({
      method: 'POST',
      url: '/me/certificates/requests',
      token: world.tokens.traineeLZ,
      payload: { year: 2026 },
    });
    expect(res.statusCode).toBe(202);
    const [{ id }] = await dataSource.query("SELECT id FROM outbox_events WHERE type = 'certificate.requested' ORDER BY id DESC LIMIT 1");
    await eventually(
      async () => ((await dataSource.query('SELECT relayed_at FROM outbox_events WHERE id = $1', [id]))[0].relayed_at ? true : undefined),
      20_000,
      'relayed',
    );
    const job = await eventually(
      async () => {
        const jobs = await queue.getJobs(['completed'], 0, 100);
        return jobs.find((j) => j.data.eventId === String(id));
      },
      20_000,
      'evaluation job',
    );
    expect(job.returnvalue).toMatchObject({ appointment: { created: false }, yearly: { created: false } });
    expect(await certificatesOf(world.users.traineeLZ)).toEqual(before);
  });
});
