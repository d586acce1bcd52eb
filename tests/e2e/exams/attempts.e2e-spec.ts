import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FakeClock } from '@cqo/core';
import { drawAttempt, QuestionPoolRepository } from '@cqo/exams';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

const T0 = new Date('2026-03-02T01:00:00Z');
const MIN = 60_000;

describe('exam attempts', () => {
  let api: TestApi;
  let world: World;
  let clock: FakeClock;
  let dataSource: DataSource;
  const questionIds: string[] = [];

  beforeAll(async () => {
    clock = new FakeClock(T0);
    api = await createTestApi({ clock });
    world = await seedWorld(api);
    dataSource = api.get(getDataSourceToken());
    // A bank of 24: 8 of each type.
    for (let n = 0; n < 8; n++) {
      for (const make of [questionBodies.single, questionBodies.multiple, questionBodies.trueFalse]) {
        questionIds.push((await createQuestion(api, world.tokens.orgAdminA, make(n, { difficulty: (n % 5) + 1 }))).id);
      }
    }
  });
  afterAll(() => api.close());

  const trainee = () => world.tokens.traineeLZ;
  const start = (paperId: string, token = trainee()) => api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token });
  const save = (attemptId: string, answers: object[], token = trainee()) =>
    api.request({ method: 'PUT', url: `/me/exam-attempts/${attemptId}/answers`, token, payload: { answers } });
  const submit = (attemptId: string, token = trainee()) =>
    api.request({ method: 'POST', url: `/me/exam-attempts/${attemptId}/submit`, token });
  const get = (attemptId: string, token = trainee()) => api.request({ method: 'GET', url: `/me/exam-attempts/${attemptId}`, token });

  it('fixes the drawn questions at start, reproducibly from the stored seed, and grades each type on the server', async () => {
    clock.set(T0);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({
        fixedQuestions: [{ questionId: questionIds[0], points: 5 }],
        drawRules: [
          { count: 3, topic: 'quality-tools', points: 2 },
          { count: 2, category: 1, difficultyBand: 'easy' },
        ],
        shuffleQuestions: true,
        shuffleOptions: true,
      }),
    );
    const res = await start(paperId);
    expect(res.statusCode).toBe(200);
    const attempt = res.json();
    expect(attempt).toMatchObject({
      status: 'open',
      attemptNo: 1,
      questionCount: 6,
      deadlineAt: new Date(T0.getTime() + 30 * MIN).toISOString(),
    });

    // The draw is a pure function of the seed and the pool: recompute it and compare.
    const [row] = await dataSource.query('SELECT seed FROM exam_attempts WHERE id = $1', [attempt.id]);
    const pool = api.get(QuestionPoolRepository);
    const owner = { kind: 'organization' as const, id: world.orgA };
    const paper = (await dataSource.query('SELECT draw_rules FROM exam_papers WHERE id = $1', [paperId]))[0];
    const fixed = await pool.fixed(dataSource.manager, owner, [questionIds[0]]);
    const replay = drawAttempt({
      seed: row.seed,
      fixed: [{ candidate: fixed[0], points: 5 }],
      rules: paper.draw_rules,
      pool: await pool.pool(dataSource.manager, owner, paper.draw_rules),
      shuffleQuestions: true,
      shuffleOptions: true,
    });
    const items: { position: number; question_version_id: string; option_order: string[]; points: number }[] = await dataSource.query(
      'SELECT position, question_version_id, option_order, points FROM exam_attempt_items WHERE attempt_id = $1 ORDER BY position',
      [attempt.id],
    );
    expect(items.map((i) => [i.position, i.question_version_id, i.option_order, i.points])).toEqual(
      replay.map((d) => [d.position, d.versionId, d.optionOrder, d.points]),
    );
    expect(attempt.items.map((i: { options: { id: string }[] }) => i.options.map((o) => o.id))).toEqual(replay.map((d) => d.optionOrder));

    // Right on every item but one multiple-choice item, where one key option is missing (少选).
    const answers = await answersFor(api, attempt, () => true);
    const multi = attempt.items.find((i: { type: string }) => i.type === 'multiple');
    answers.find((a) => a.position === multi.position)!.optionIds.pop();
    expect((await save(attempt.id, answers)).statusCode).toBe(200);
    const done = await submit(attempt.id);
    expect(done.statusCode).toBe(200);
    // 5 + 3×2 + 2×1 = 13 points; the short multiple-choice item (2 points) scores nothing.
    expect(done.json().result).toEqual({ score: 11, maxScore: 13, percent: '84.62', passed: true, passMarkPercent: 60 });
    expect(done.json().review).toBeNull();
  });

  it('saves answers as the trainee goes, validates them, and keeps one open attempt per trainee per paper', async () => {
    clock.set(T0);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ fixedQuestions: [{ questionId: questionIds[0] }, { questionId: questionIds[1] }] }),
    );
    const first = (await start(paperId)).json();
    const again = await start(paperId);
    expect(again.json().id).toBe(first.id);
    const parallel = await Promise.all([
      start(paperId, world.tokens.traineeTS),
      start(paperId, world.tokens.traineeTS),
      start(paperId, world.tokens.traineeTS),
    ]);
    expect(new Set(parallel.map((r) => r.json().id)).size).toBe(1);

    const [single, multiple] = first.items;
    const bad = await save(first.id, [
      { position: single.position, optionIds: [single.options[0].id, single.options[1].id] },
      { position: multiple.position, optionIds: ['not-an-option'] },
      { position: 99, optionIds: [] },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual([
      'answers[0].optionIds',
      'answers[1].optionIds',
      'answers[2].position',
    ]);

    expect(
      (await save(first.id, [{ position: multiple.position, optionIds: [multiple.options[0].id, multiple.options[2].id] }])).statusCode,
    ).toBe(200);
    expect((await save(first.id, [{ position: single.position, optionIds: [single.options[1].id] }])).statusCode).toBe(200);
    const read = (await get(first.id)).json();
    expect(read.items.map((i: { selectedOptionIds: string[] }) => i.selectedOptionIds)).toEqual([
      [single.options[1].id],
      [multiple.options[0].id, multiple.options[2].id],
    ]);
    // Another trainee cannot see or answer this attempt.
    expect((await get(first.id, world.tokens.traineeTS)).statusCode).toBe(404);
    expect((await save(first.id, [{ position: 1, optionIds: [] }], world.tokens.traineeTS)).statusCode).toBe(404);

    await submit(first.id);
    const late = await save(first.id, [{ position: single.position, optionIds: [single.options[0].id] }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('ATTEMPT_CLOSED');
  });

  it('refuses answers after the deadline plus grace and grades what was saved', async () => {
    clock.set(T0);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ timeLimitMinutes: 10, graceSeconds: 20, fixedQuestions: questionIds.slice(0, 4).map((questionId) => ({ questionId })) }),
    );
    const attempt = (await start(paperId)).json();
    const answers = await answersFor(api, attempt, (p) => p <= 3);
    expect((await save(attempt.id, answers.slice(0, 3))).statusCode).toBe(200);

    // Inside the grace: still accepted.
    clock.set(new Date(T0.getTime() + 10 * MIN + 15_000));
    expect((await save(attempt.id, answers.slice(3))).statusCode).toBe(200);
    // Past the grace: refused.
    clock.set(new Date(T0.getTime() + 10 * MIN + 21_000));
    const refused = await save(attempt.id, answers.slice(0, 1));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ATTEMPT_EXPIRED');

    // Reading it now grades what was saved (the auto-submit job would have done the same).
    const read = (await get(attempt.id)).json();
    expect(read).toMatchObject({ status: 'submitted', submission: 'deadline', result: { score: 3, maxScore: 4, passed: true } });
  });

  it('enforces the attempt limit and the cooldown between attempts', async () => {
    clock.set(T0);
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({
        passMarkPercent: 100,
        maxAttempts: 2,
        cooldownMinutes: 60,
        fixedQuestions: [{ questionId: questionIds[2] }, { questionId: questionIds[5] }],
      }),
    );
    const first = (await start(paperId)).json();
    await save(first.id, await answersFor(api, first, () => false));
    expect((await submit(first.id)).json().result.passed).toBe(false);

    clock.set(new Date(T0.getTime() + 59 * MIN));
    const early = await start(paperId);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'COOLDOWN_ACTIVE',
      details: [{ field: 'nextAttemptAt', message: new Date(T0.getTime() + 60 * MIN).toISOString() }],
    });
    const info = (await api.request({ method: 'GET', url: `/me/exam-papers/${paperId}`, token: trainee() })).json();
    expect(info).toMatchObject({
      attemptsUsed: 1,
      maxAttempts: 2,
      nextAttemptAt: new Date(T0.getTime() + 60 * MIN).toISOString(),
      passed: false,
    });

    clock.set(new Date(T0.getTime() + 60 * MIN));
    const second = (await start(paperId)).json();
    expect(second.attemptNo).toBe(2);
    await submit(second.id);

    clock.set(new Date(T0.getTime() + 500 * MIN));
    const third = await start(paperId);
    expect(third.statusCode).toBe(409);
    expect(third.json().code).toBe('ATTEMPTS_EXHAUSTED');
  });

  it('shows the key only as the review policy allows: never while open, never for a failure unless always', async () => {
    clock.set(T0);
    const fixed = [{ questionId: questionIds[3] }, { questionId: questionIds[4] }];
    const whenPassed = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ revealAnswers: 'when_passed', passMarkPercent: 100, fixedQuestions: fixed }),
    );
    const always = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ revealAnswers: 'always', passMarkPercent: 100, fixedQuestions: fixed }),
    );

    const failed = (await start(whenPassed)).json();
    expect(failed.review).toBeNull();
    await save(failed.id, await answersFor(api, failed, (p) => p === 1));
    const failedResult = (await submit(failed.id)).json();
    expect(failedResult.result.passed).toBe(false);
    expect(failedResult.review).toBeNull();

    const passed = (await start(whenPassed, world.tokens.traineeTS)).json();
    await save(passed.id, await answersFor(api, passed, () => true), world.tokens.traineeTS);
    const passedResult = (await submit(passed.id, world.tokens.traineeTS)).json();
    expect(passedResult.review).toHaveLength(2);
    expect(passedResult.review[0]).toMatchObject({ position: 1, correct: true, correctOptionIds: expect.any(Array) });

    const failedAlways = (await start(always)).json();
    const shown = (await submit(failedAlways.id)).json();
    expect(shown.result.passed).toBe(false);
    expect(shown.review.map((r: { correct: boolean }) => r.correct)).toEqual([false, false]);
  });

  it('shows a graded attempt read again with each question graded in its position, as at submit', async () => {
    clock.set(T0);
    const fixed = [0, 1, 2].map((n) => ({ questionId: questionIds[n * 3] }));
    const paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ revealAnswers: 'always', passMarkPercent: 50, fixedQuestions: fixed, shuffleQuestions: true }),
    );
    const attempt = (await start(paperId)).json();
    // Right, wrong, right by position (whatever question the shuffle put there).
    await save(attempt.id, await answersFor(api, attempt, (p) => p !== 2));
    const submitted = (await submit(attempt.id)).json();
    expect(submitted.review.map((r: { correct: boolean }) => r.correct)).toEqual([true, false, true]);
    const again = (await get(attempt.id)).json();
    expect(again.review).toEqual(submitted.review);
    expect(again.result).toEqual(submitted.result);
  });

  it('never changes what a past attempt showed or how it was graded when a question is edited', async () => {
    clock.set(T0);
    const q = await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(100));
    const paperId = await createPaper(api, world.tokens.orgAdminA, basePaper({ fixedQuestions: [{ questionId: q.id }] }));
    const before = (await start(paperId)).json();
    await save(before.id, await answersFor(api, before, () => true));

    // The author flips the key and rewrites the stem while the attempt is open.
    const edited = questionBodies.single(100, {
      stem: '改写后的题干',
      options: [
        { text: '企业主要负责人', correct: false },
        { text: '职工代表大会', correct: true },
      ],
    });
    const put = await api.request({ method: 'PUT', url: `/exam-questions/${q.id}`, token: world.tokens.orgAdminA, payload: edited });
    expect(put.json()).toMatchObject({ version: 2, stem: '改写后的题干' });

    const result = (await submit(before.id)).json();
    expect(result.items[0].stem).toBe(before.items[0].stem);
    expect(result.items[0].options).toEqual(before.items[0].options);
    expect(result.result).toMatchObject({ score: 1, passed: true });
    const versions = (await api.request({ method: 'GET', url: `/exam-questions/${q.id}/versions`, token: world.tokens.orgAdminA })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // A new attempt (another trainee) shows version 2.
    const after = (await start(paperId, world.tokens.traineeTS)).json();
    expect(after.items[0].stem).toBe('改写后的题干');
  });

  it("refuses a paper whose draw rules the bank cannot meet, and unknown or other owners' papers", async () => {
    const created = await api.request({
      method: 'POST',
      url: '/exam-papers',
      token: world.tokens.orgAdminA,
      payload: basePaper({
        drawRules: [
          { count: 5, topic: 'quality-tools' },
          { count: 20, topic: 'six-sigma' },
        ],
      }),
    });
    const publish = await api.request({ method: 'POST', url: `/exam-papers/${created.json().id}/publish`, token: world.tokens.orgAdminA });
    expect(publish.statusCode).toBe(409);
    expect(publish.json()).toMatchObject({ code: 'DRAW_POOL_TOO_SMALL', details: [{ field: 'drawRules[1].count' }] });
    // A draft is invisible to trainees; another organization's admin cannot see the paper.
    expect((await start(created.json().id)).statusCode).toBe(404);
    expect((await api.request({ method: 'GET', url: `/exam-papers/${created.json().id}`, token: world.tokens.orgAdminB })).statusCode).toBe(
      404,
    );
    const unknownTopic = await api.request({
      method: 'POST',
      url: '/exam-papers',
      token: world.tokens.orgAdminA,
      payload: basePaper({ drawRules: [{ count: 1, topic: 'nope' }] }),
    });
    expect(unknownTopic.json().details).toEqual([expect.objectContaining({ field: 'drawRules[0].topic', message: expect.any(String) })]);
  });
});
