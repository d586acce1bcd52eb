import { FakeClock, Role } from '@cqo/core';
import { TokenService, UsersRepository, UsersService } from '@cqo/identity';
import type { EnterpriseInput } from '@cqo/organizations';
import { EnterprisesService } from '@cqo/organizations';
import type { TargetFigures } from '@cqo/reporting';
import { DashboardsService } from '@cqo/reporting';
import type { TestApi } from '../../../support/api';
import { createTestApi } from '../../../support/api';
import type { World } from '../../../support/fixtures';
import { seedWorld, TEST_PASSWORD, testCreditCode } from '../../../support/fixtures';
import type { CandidateOptions } from '../../../e2e/registry/support';
import { appointmentBody, candidate } from '../../../e2e/registry/support';

const NONE = {
  stateOwned: false,
  aboveDesignatedSize: false,
  production: false,
  chinaQualityAward: 'none',
  provincialQualityAward: 'none',
  cityQualityAward: 'none',
} as const;

let admins = 0;

/**
 * A world for the target rules: enterprises added on the clock's date (their first master-data
 * version), appointments registered over HTTP by each enterprise's admin, and the figures as the
 * dashboards compute them for 兰州市 on a date.
 */
export class TargetsHarness {
  readonly clock: FakeClock;
  api!: TestApi;
  world!: World;
  private starting?: Promise<void>;

  constructor(start: string) {
    this.clock = new FakeClock(new Date(start));
  }

  start(): Promise<void> {
    this.starting = (async () => {
      this.api = await createTestApi({ clock: this.clock });
      this.world = await seedWorld(this.api);
    })();
    return this.starting;
  }

  /**
   * Waits for a start still under way (beforeAll can time out on a busy machine and Jest then runs
   * afterAll at once) so the API it builds is closed too, instead of outliving the test file.
   */
  async close(): Promise<void> {
    await this.starting?.catch(() => undefined); // its failure is beforeAll's to report
    await this.api?.close();
  }

  /** An enterprise in 兰州市 (or `regionId`), with target facts. */
  async enterprise(facts: Partial<EnterpriseInput> = {}): Promise<string> {
    const created = await this.api.get(EnterprisesService).create({
      ...NONE,
      name: `企业${testCreditCode().slice(-6)}`,
      creditCode: testCreditCode(),
      regionId: this.world.regions.lanzhou,
      ...facts,
    });
    return created.id;
  }

  /** The token of an admin of the enterprise (created once per call). */
  async adminToken(enterpriseId: string): Promise<string> {
    admins += 1;
    const user = await this.api.get(UsersService).create({
      username: `tadmin${admins}`,
      password: TEST_PASSWORD,
      displayName: '企业管理员',
      role: Role.EnterpriseAdmin,
      enterpriseId,
    });
    const repo = this.api.get(UsersRepository);
    return this.api.get(TokenService).signAccess(await repo.actorOf((await repo.findById(user.id))!));
  }

  /** Registers a CQO at the enterprise over HTTP; returns the response. */
  async appoint(
    enterpriseId: string,
    options: { appointedOn: string; candidate?: Partial<CandidateOptions>; body?: Record<string, unknown> },
  ) {
    const who = await candidate(this.api, { enterpriseId, ...options.candidate });
    const token = await this.adminToken(enterpriseId);
    const res = await this.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token,
      payload: appointmentBody({ username: who.username }, { appointedOn: options.appointedOn, ...options.body }),
    });
    return { res, who, token };
  }

  private readonly candidates = new Map<string, Awaited<ReturnType<typeof candidate>>>();

  /** A candidate employed by the enterprise (made once per enterprise), eligible by default. */
  async candidateOf(enterpriseId: string, options: Partial<CandidateOptions> = {}) {
    if (!this.candidates.has(enterpriseId)) this.candidates.set(enterpriseId, await candidate(this.api, { enterpriseId, ...options }));
    return this.candidates.get(enterpriseId)!;
  }

  /** Registers the enterprise's candidate ({@link candidateOf}) over HTTP; returns the response. */
  async appointExisting(enterpriseId: string, appointedOn: string) {
    const who = await this.candidateOf(enterpriseId);
    const token = await this.adminToken(enterpriseId);
    return this.api.request({
      method: 'POST',
      url: '/registry/appointments',
      token,
      payload: appointmentBody({ username: who.username }, { appointedOn }),
    });
  }

  /** 兰州市's figures for a target on `asOf` (default today), as the dashboards compute them. */
  async target(code: string, asOf?: string, regionPath = '620000/620100'): Promise<TargetFigures> {
    const year = Number((asOf ?? '2026').slice(0, 4));
    const dashboard = await this.api.get(DashboardsService).regionFigures(regionPath, year, asOf);
    return dashboard.totals.targets.find((t) => t.code === code)!;
  }
}
