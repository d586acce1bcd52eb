import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { insertTrainees } from '../../support/courses';
import { answersFor, basePaper, createPaper, createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

describe('exam results, export, item statistics and capability conclusions', () => {
  let api: TestApi;
  let world: World;
  let paperId: string;
  let regionPaperId: string;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push((await createQuestion(api, world.tokens.orgAdminA, questionBodies.single(n))).id);
    paperId = await createPaper(
      api,
      world.tokens.orgAdminA,
      basePaper({ title: '机构能力测试', passMarkPercent: 50, fixedQuestions: ids.map((questionId) => ({ questionId })) }),
    );
    const regional = await createQuestion(api, world.tokens.regulatorTS, questionBodies.trueFalse(1));
    regionPaperId = await createPaper(
      api,
      world.tokens.regulatorTS,
      basePaper({ title: '天水市局能力测试', fixedQuestions: [{ questionId: regional.id }] }),
    );

    // Ten bulk trainees: trainee k answers the first k % 5 questions right (question 1 is the easiest).
    const trainees = await insertTrainees(api, 10, 'results');
    for (const [k, t] of trainees.entries()) {
      const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token: t.token })).json();
      const right = k % 5;
      await api.request({
        method: 'PUT',
        url: `/me/exam-attempts/${attempt.id}/answers`,
        token: t.token,
        payload: { answers: await answersFor(api, attempt, (p) => p <= right) },
      });
      await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token: t.token });
    }
    // The two world trainees (Lanzhou, Tianshui) take the organization's test; the Tianshui one also the bureau's.
    for (const token of [world.tokens.traineeLZ, world.tokens.traineeTS]) {
      const attempt = (await api.request({ method: 'POST', url: `/me/exam-papers/${paperId}/attempts`, token })).json();
      await api.request({
        method: 'PUT',
        url: `/me/exam-attempts/${attempt.id}/answers`,
        token,
        payload: { answers: await answersFor(api, attempt, () => true) },
      });
      await api.request({ method: 'POST', url: `/me/exam-attempts/${attempt.id}/submit`, token });
    }
    const regionalAttempt = (
      await api.request({ method: 'POST', url: `/me/exam-papers/${regionPaperId}/attempts`, token: world.tokens.traineeTS })
    ).json();
    await api.request({ method: 'POST', url: `/me/exam-attempts/${regionalAttempt.id}/submit`, token: world.tokens.traineeTS });
  });
  afterAll(() => api.close());

  it("lists a paper's results with a summary, for its owner only", async () => {
    const res = await api.request({ method: 'GET', url: `/exam-papers/${paperId}/results?pageSize=5`, token: world.tokens.orgAdminA });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 12, summary: { attempts: 12, graded: 12, passed: 8 } });
    expect(res.json().items).toHaveLength(5);
    const failedOnly = (
      await api.request({ method: 'GET', url: `/exam-papers/${paperId}/results?passed=false`, token: world.tokens.orgAdminA })
    ).json();
    expect(failedOnly.total).toBe(4);
    expect((await api.request({ method: 'GET', url: `/exam-papers/${paperId}/results`, token: world.tokens.orgAdminB })).statusCode).toBe(
      404,
    );
  });

  it('exports every attempt as CSV with masked ID numbers', async () => {
    const res = await api.request({ method: 'GET', url: `/exam-papers/${paperId}/results.csv`, token: world.tokens.orgAdminA });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']))?.[1] ?? '');
    expect(name).toMatch(/-考试成绩\.csv$/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('学员,身份证号,企业,第几次,状态,开始时间,交卷时间,交卷方式,得分,满分,得分率(%),结论');
    expect(lines).toHaveLength(13);
    expect(lines.find((l) => l.startsWith('兰州学员'))).toMatch(
      /^兰州学员,620102\*{8}\d{3}[\dX],兰州测试企业,1,已交卷,.*,学员交卷,4,4,100\.00,合格$/,
    );
  });

  it('computes item difficulty (share correct) and discrimination', async () => {
    const res = await api.request({ method: 'GET', url: `/exam-papers/${paperId}/item-statistics`, token: world.tokens.orgAdminA });
    const stats = res.json();
    expect(stats.gradedAttempts).toBe(12);
    expect(stats.method).toMatch(/upper-lower/);
    const byStem = Object.fromEntries(stats.items.map((i: { stem: string }) => [i.stem.slice(0, 4), i]));
    // Question 1 is right for everyone with k % 5 ≥ 1 (8 of 10) and both world trainees: 10 of 12.
    expect(byStem['单选题0'].difficulty).toBeCloseTo(10 / 12, 3);
    expect(byStem['单选题3'].difficulty).toBeCloseTo(4 / 12, 3);
    for (const item of stats.items) {
      expect(item.discrimination).toBeGreaterThan(0);
      expect(item.pointBiserial).toBeGreaterThan(0);
    }
  });

  it("records capability conclusions on the trainee's record, readable by the trainee, the org and regulators in region", async () => {
    const own = (await api.request({ method: 'GET', url: '/me/capability-results', token: world.tokens.traineeTS })).json();
    expect(own.items.map((r: { title: string; conclusion: string }) => [r.title, r.conclusion]).sort()).toEqual([
      ['天水市局能力测试', '不合格'],
      ['机构能力测试', '合格'],
    ]);
    expect(own.items[0]).toMatchObject({
      score: expect.any(Number),
      maxScore: expect.any(Number),
      concludedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    // The organization sees its own test's conclusions (12), not the bureau's.
    const org = (await api.request({ method: 'GET', url: '/capability-results?pageSize=100', token: world.tokens.orgAdminA })).json();
    expect(org.total).toBe(12);
    expect((await api.request({ method: 'GET', url: '/capability-results', token: world.tokens.orgAdminB })).json().total).toBe(0);

    // Lanzhou's bureau: the organization is in Lanzhou, so all 12 of its results; not the Tianshui bureau's test.
    const lz = (await api.request({ method: 'GET', url: '/capability-results?pageSize=100', token: world.tokens.regulatorLZ })).json();
    expect(lz.total).toBe(12);
    // Tianshui's bureau: its own test, and the Tianshui trainee's result from the Lanzhou organization.
    const ts = (await api.request({ method: 'GET', url: '/capability-results', token: world.tokens.regulatorTS })).json();
    expect(ts.items.map((r: { traineeId: string }) => r.traineeId)).toEqual([world.users.traineeTS, world.users.traineeTS]);
    // The province sees everything.
    expect((await api.request({ method: 'GET', url: '/capability-results', token: world.tokens.regulatorGS })).json().total).toBe(13);

    const forTrainee = await api.request({
      method: 'GET',
      url: `/trainees/${world.users.traineeLZ}/capability-results`,
      token: world.tokens.regulatorLZ,
    });
    expect(forTrainee.json().total).toBe(1);
    // The Tianshui bureau has no business with the Lanzhou trainee.
    expect(
      (await api.request({ method: 'GET', url: `/trainees/${world.users.traineeLZ}/capability-results`, token: world.tokens.regulatorTS }))
        .statusCode,
    ).toBe(403);
  });

  it('keeps a region-run capability test to trainees of that region', async () => {
    const res = await api.request({ method: 'POST', url: `/me/exam-papers/${regionPaperId}/attempts`, token: world.tokens.traineeLZ });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('EXAM_NOT_ELIGIBLE');
    const listed = (await api.request({ method: 'GET', url: '/me/exam-papers', token: world.tokens.traineeLZ })).json();
    expect(listed.map((p: { id: string }) => p.id)).toEqual([paperId]);
  });
});
