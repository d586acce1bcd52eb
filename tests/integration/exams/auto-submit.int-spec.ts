import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { FakeClock, jobIdFor, Queues, queuePrefix, redisConnectionOptions } from '@cqo/core';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { insertTrainees } from '../../support/courses';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import { createTestWorker, eventually } from '../../support/worker';

const T0 = new Date('2026-06-01T02:00:00Z');
const MIN = 60_000;

/**
 * The deadline: `exam.attempt.started` goes through the outbox to a delayed `exams.auto-submit`
 * job due at the deadline plus grace; the job grades what was saved. Time is a fake clock shared
 * by the API and the worker; a delayed job is promoted by hand to stand for its timer firing.
 */
describe('exams.auto-submit', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;
  let db: DataSource;
  let queue: Queue;
  const clock = new FakeClock(T0);
  let paperId: string;

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    db = api.get(getDataSourceToken());
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.trueFalse(n))).id);
    paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ timeLimitMinutes: 10, graceSeconds: 30, fixedQuestions: ids.map((questionId) => ({ questionId })) }),
    );
    worker = await createTestWorker(api.ctx.config, { clock });
    queue = new Queue(Queues.exams, { prefix: queuePrefix(api.ctx.config), connection: redisConnectionOptions(api.ctx.config) });
  });
  afterAll(async () => {
    await queue.close();
    await worker.close();
    await api.close();
  });

  async function startWithAnswers(token: string, right: number) {
    const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token })).json();
    await api.request({
      method: 'PUT',
      url: `/me/exam-attempts/${attempt.id}/answers`,
      token,
      payload: { answers: (await answersFor(api, attempt, (p) => p <= right)).slice(0, 2) },
    });
    return attempt as { id: string };
  }

  /** The job the relay made of the attempt's started event, once it is in Redis. */
  async function jobOf(attemptId: string): Promise<Job> {
    const [event] = await db.query(`SELECT id FROM outbox_events WHERE type = 'exam.attempt.started' AND payload->>'attemptId' = $1`, [
      attemptId,
    ]);
    return eventually(
      async () => (await queue.getJob(jobIdFor('evt', event.id, 'exams.auto-submit'))) ?? undefined,
      10_000,
      'auto-submit job',
    );
  }
  const stateOf = async (attemptId: string) =>
    (await db.query('SELECT status, submission, score FROM exam_attempts WHERE id = $1', [attemptId]))[0];

  it('is queued as a delayed job due at the deadline plus grace, and grades what was saved when it fires', async () => {
    clock.set(T0);
    const attempt = await startWithAnswers(world.tokens.traineeLZ, 3);
    const job = await jobOf(attempt.id);
    expect(await job.getState()).toBe('delayed');
    expect(job.opts.delay).toBe(10 * MIN + 30_000);
    expect(job.data).toMatchObject({ attemptId: attempt.id });

    // The timer fires after the deadline and grace: what was saved (2 of 3, both right) is graded.
    clock.set(new Date(T0.getTime() + 10 * MIN + 30_000));
    await job.promote();
    const graded = await eventually(
      async () => ((await stateOf(attempt.id)).status === 'submitted' ? stateOf(attempt.id) : undefined),
      10_000,
      'auto-submit',
    );
    expect(graded).toEqual({ status: 'submitted', submission: 'deadline', score: 2 });
    expect(await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined))).toBe(true);
    const refused = await api.request({
      method: 'PUT',
      url: `/me/exam-attempts/${attempt.id}/answers`,
      token: world.tokens.traineeLZ,
      payload: { answers: [{ position: 3, optionIds: [] }] },
    });
    expect(refused.json().code).toBe('ATTEMPT_CLOSED');
  });

  it('puts itself back to sleep when it fires early, and grades once due', async () => {
    clock.set(T0);
    const attempt = await startWithAnswers(world.tokens.traineeTS, 1);
    const job = await jobOf(attempt.id);
    clock.set(new Date(T0.getTime() + 5 * MIN));
    await job.promote();
    // Run early (clock skew between processes): the attempt stays open and the job is delayed again.
    expect(await job.getState()).not.toBe('delayed');
    await eventually(async () => ((await job.getState()) === 'delayed' ? true : undefined), 10_000, 're-delay');
    expect((await stateOf(attempt.id)).status).toBe('open');

    clock.set(new Date(T0.getTime() + 11 * MIN));
    await job.promote();
    const graded = await eventually(
      async () => ((await stateOf(attempt.id)).status === 'submitted' ? stateOf(attempt.id) : undefined),
      10_000,
      'auto-submit',
    );
    expect(graded).toEqual({ status: 'submitted', submission: 'deadline', score: 1 });
  });

  it('leaves an attempt the trainee already submitted alone', async () => {
    clock.set(T0);
    const [fresh] = await insertTrainees(api, 1, 'auto');
    const attempt = await startWithAnswers(fresh.token, 3);
    const submitted = (await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token: fresh.token })).json();
    expect(submitted).toMatchObject({ submission: 'trainee', result: { score: 2 } });
    const job = await jobOf(attempt.id);
    clock.set(new Date(T0.getTime() + 11 * MIN));
    await job.promote();
    expect(await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined))).toBe(true);
    expect((await queue.getJob(job.id!))!.returnvalue).toBe('already_submitted');
    expect(await stateOf(attempt.id)).toEqual({ status: 'submitted', submission: 'trainee', score: 2 });
    const graded = await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'exam.attempt.graded' AND payload->>'attemptId' = $1`,
      [attempt.id],
    );
    expect(graded[0].n).toBe(1);
  });
});
