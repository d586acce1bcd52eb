import { DomainError, FakeClock } from '@cqo/core';
import { UsersRepository } from '@cqo/identity';
import { TraineeFactsService } from '@cqo/registry';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import type { Candidate } from './support';
import { candidate } from './support';

// A 1×1 PNG: what a phone scan of a diploma is, as far as the type check goes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// Verified facts: evidence by the trainee (self_declared), confirmed by the employer, verified by
// the city; eligibility shows each condition's state and never presents a self-declared fact as verified.
describe('verified eligibility facts', () => {
  let api: TestApi;
  let world: World;
  const clock = new FakeClock(new Date('2026-05-01T02:00:00Z'));
  const post = (url: string, token: string, payload: object = {}) => api.request({ method: 'POST', url, token, payload });
  const education = (facts: { fact: string }[]) =>
    facts.find((f) => f.fact === 'education') as unknown as { state: string; evidence: { id: string } | null };

  beforeAll(async () => {
    api = await createTestApi({ clock });
    world = await seedWorld(api);
  });
  // Each test has a candidate of its own, so the tests run in any order.
  const newCandidate = () => candidate(api, { enterpriseId: world.enterpriseLZ });
  /** The trainee declares education with evidence; Lanzhou's employer confirms it and its city verifies it. */
  const verifiedEducation = async (cqo: Candidate) => {
    const declared = await post('/me/facts/education/evidence', cqo.token, {
      fileName: '学位证书.png',
      contentBase64: PNG.toString('base64'),
    });
    const id: string = declared.json().evidence.id;
    expect((await post(`/registry/fact-evidence/${id}/confirm`, world.tokens.entAdminLZ)).json().state).toBe('enterprise_confirmed');
    expect((await post(`/registry/fact-evidence/${id}/verify`, world.tokens.regulatorLZ)).json().state).toBe('city_verified');
  };
  afterAll(() => api.close());

  it('refuses evidence of the wrong type (by its bytes) or too large, naming the field', async () => {
    const cqo = await newCandidate();
    const text = await post('/me/facts/education/evidence', cqo.token, {
      fileName: 'diploma.png',
      contentBase64: Buffer.from('not an image at all').toString('base64'),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'EVIDENCE_FILE_INVALID', details: [{ field: 'file' }] });
    // Too large, over HTTP: just over the limit (the service's check), and far over it (the body limit).
    const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    for (const file of [big, Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])]) {
      const tooBig = await post('/me/facts/education/evidence', cqo.token, {
        fileName: 'diploma.png',
        contentBase64: file.toString('base64'),
      });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().details).toEqual([expect.objectContaining({ field: 'file', message: '文件不能超过3MB' })]);
    }
    // And at the service, for callers other than HTTP.
    const users = api.get(UsersRepository);
    const actor = await users.actorOf((await users.findById(cqo.userId))!);
    const refused = await api
      .get(TraineeFactsService)
      .declare(actor, 'education', { fileName: 'diploma.png', data: big })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details[0].field).toBe('file');
    expect(
      (await post('/me/facts/shoe-size/evidence', cqo.token, { fileName: 'x.png', contentBase64: PNG.toString('base64') })).json()
        .details[0].field,
    ).toBe('fact');
  });

  it('moves self_declared → enterprise_confirmed → city_verified, each by its own role', async () => {
    const cqo = await newCandidate();
    const declared = await post('/me/facts/education/evidence', cqo.token, {
      fileName: '学位证书.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.json()).toMatchObject({
      fact: 'education',
      value: 'bachelor',
      state: 'self_declared',
      evidence: { fileContentType: 'image/png' },
    });
    const id = declared.json().evidence.id;

    // The regulator sees it as self-declared, and cannot skip the employer's confirmation.
    const seen = await api.request({ method: 'GET', url: `/registry/trainees/${cqo.userId}/facts`, token: world.tokens.regulatorLZ });
    expect(education(seen.json()).state).toBe('self_declared');
    expect((await post(`/registry/fact-evidence/${id}/verify`, world.tokens.regulatorLZ)).json().code).toBe('FACT_EVIDENCE_WRONG_STATE');
    expect((await post(`/registry/fact-evidence/${id}/confirm`, world.tokens.entAdminTS)).statusCode).toBe(403);
    expect((await post(`/registry/fact-evidence/${id}/confirm`, world.tokens.entAdminLZ)).json().state).toBe('enterprise_confirmed');
    expect((await post(`/registry/fact-evidence/${id}/verify`, world.tokens.regulatorTS)).statusCode).toBe(403);
    expect((await post(`/registry/fact-evidence/${id}/verify`, world.tokens.regulatorLZ)).json().state).toBe('city_verified');

    const file = await api.request({ method: 'GET', url: `/registry/fact-evidence/${id}/file`, token: world.tokens.regulatorLZ });
    expect(file.rawPayload).toEqual(PNG);
  });

  it('shows each eligibility condition with its fact’s state', async () => {
    const cqo = await newCandidate();
    await verifiedEducation(cqo);
    const res = await post('/registry/eligibility-checks', world.tokens.entAdminLZ, { trainee: { username: cqo.username } });
    expect(res.statusCode).toBe(200);
    const state = (code: string) => res.json().result.conditions.find((c: { code: string }) => c.code === code).factState;
    expect(state('EDUCATION_LEVEL')).toBe('city_verified');
    expect(state('QUALITY_WORK_YEARS')).toBe('self_declared');
    expect(state('QUALITY_QUALIFICATION')).toBe('self_declared');
    expect(state('APPOINTMENT_TRAINING_CERTIFICATE')).toBeNull();
    // The regulator's status page says the same per fact.
    const page = await api.request({ method: 'GET', url: `/regulators/cqos/${cqo.userId}`, token: world.tokens.regulatorLZ });
    expect(page.json().facts.map((f: { fact: string; state: string }) => [f.fact, f.state])).toEqual([
      ['education', 'city_verified'],
      ['quality_work_years', 'self_declared'],
      ['qualification', 'self_declared'],
      ['title', 'self_declared'],
    ]);
  });
});
