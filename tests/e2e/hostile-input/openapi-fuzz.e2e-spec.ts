import SwaggerParser from '@apidevtools/swagger-parser';
import { seededRandom } from '@cqo/exams';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import type { World, WorldUser } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';
import type { Operation } from '../../support/openapi-fuzz';
import { fuzzRequest, operationsOf, useKnownIds } from '../../support/openapi-fuzz';

/** Seeded, so a failure is replayed by running again with the seed it prints (`FUZZ_SEED=…`). */
const SEED = process.env.FUZZ_SEED ?? 'issue-13-fuzz';
/** Requests per operation and caller; with ~120 operations and 6 callers, over 5,000 in all. */
const PER_OPERATION_AND_CALLER = 7;
const CALLERS: (WorldUser | null)[] = [null, 'admin', 'orgAdminA', 'entAdminLZ', 'regulatorLZ', 'traineeLZ'];
/** Operations that end the caller's own session: fuzzing them with a real token would log the fuzzer out. */
const SKIPPED = new Set(['POST /auth/logout']);

/**
 * Issue 13: requests generated from the API's own OpenAPI document — every operation, as every
 * role and anonymously, with wrong types, huge, deep and NUL values, bad ids and pages — and not
 * one may answer 5xx.
 */
describe('OpenAPI fuzz', () => {
  let api: TestApi;
  let world: World;
  let operations: Operation[];
  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
    useKnownIds([...Object.values(world.regions), world.orgA, world.orgB, world.enterpriseLZ, world.enterpriseTS]);
    const doc = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    operations = operationsOf((await SwaggerParser.dereference(doc)) as never).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
  });
  afterAll(() => api.close());

  it(`answers no generated request with 5xx (seed ${SEED})`, async () => {
    const started = Date.now();
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let sent = 0;
    const answered = new Set<number>();
    for (const op of operations) {
      for (const caller of CALLERS) {
        for (let i = 0; i < PER_OPERATION_AND_CALLER; i++) {
          const req = fuzzRequest(op, random);
          const token = caller ? world.tokens[caller] : undefined;
          const res = await api.request({ ...req, token, expectServerError: true });
          sent += 1;
          answered.add(res.statusCode);
          if (res.statusCode >= 500) {
            failures.push(
              `${res.statusCode} ${caller ?? 'anonymous'} ${req.method} ${req.url.slice(0, 200)} ${(req.payload ?? '').slice(0, 300)}`,
            );
          }
        }
      }
    }
    // The size of the run, for the record (the time is information, not an assertion).
    console.info(
      `openapi fuzz: ${sent} requests, ${operations.length} operations × ${CALLERS.length} callers × ${PER_OPERATION_AND_CALLER}, seed ${SEED}, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(sent).toBeGreaterThanOrEqual(5000);
    expect(sent).toBe(operations.length * CALLERS.length * PER_OPERATION_AND_CALLER);
    // The fuzz reached the services, not only the validation and the guards.
    expect([...answered]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
    expect(failures).toEqual([]);
  }, 180_000);
});
