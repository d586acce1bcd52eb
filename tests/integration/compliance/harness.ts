import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, CourseCompletedEvent } from '@cqo/core';
import { Clock, CoreModule, FakeClock, Role } from '@cqo/core';
import {
  AccrualService,
  AdjustmentsService,
  ComplianceEngine,
  ComplianceRemindersService,
  CreditHoursModule,
  CreditHoursQueries,
  RuleSetsService,
} from '@cqo/credit-hours';
import { DatabaseModule } from '@cqo/schema';
import type { TestContext } from '@cqo/testing';
import { createTestContext } from '@cqo/testing';
import type { StatusRow, TraineeOptions } from '../credit-hours/support';
import { completion, insertEnterprise, insertTrainee, statusOf } from '../credit-hours/support';

export { NOTICE_RULES } from '../../support/notice-rules';

/**
 * A scenario world for the hour rules: the credit-hours lib over its own database with a fake
 * clock, driven directly (the worker path is covered by tests/integration/credit-hours). Each
 * helper does what the worker does after a ledger write: recompute the trainee.
 */
export interface Harness {
  ctx: TestContext;
  clock: FakeClock;
  db: DataSource;
  accrual: AccrualService;
  engine: ComplianceEngine;
  ruleSets: RuleSetsService;
  adjustments: AdjustmentsService;
  reminders: ComplianceRemindersService;
  queries: CreditHoursQueries;
  admin: Actor;
  trainee(options?: TraineeOptions): Promise<string>;
  enterprise(regionCode: string, name?: string): Promise<string>;
  /** Accrues a completion (at the clock's time unless given) and recomputes the trainee. */
  complete(traineeId: string, overrides?: Partial<CourseCompletedEvent>): Promise<{ entryId: string; year: number }>;
  status(traineeId: string, requirement: string, periodYear: number): Promise<StatusRow | undefined>;
  /** Makes the trainee a serving CQO from `from` (YYYY-MM-DD), as the registry's view will. */
  serve(traineeId: string, from: string, to?: string | null): Promise<void>;
  close(): Promise<void>;
}

export async function createHarness(now: string): Promise<Harness> {
  const ctx = await createTestContext();
  const clock = new FakeClock(new Date(now));
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [CoreModule.forRoot(ctx.config), DatabaseModule.forRoot(), CreditHoursModule],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  const db = moduleRef.get<DataSource>(getDataSourceToken());
  const accrual = moduleRef.get(AccrualService);
  const engine = moduleRef.get(ComplianceEngine);
  const [adminRow]: { id: string }[] = await db.query(
    `INSERT INTO users (username, password_hash, display_name, role) VALUES ('admin', 'x', '平台管理员', 'platform_admin') RETURNING id`,
  );
  const admin: Actor = {
    userId: adminRow.id,
    role: Role.PlatformAdmin,
    organizationId: null,
    enterpriseId: null,
    regionId: null,
    regionPath: null,
  };
  // The seam's default is "nobody serves"; a table behind the view lets a scenario appoint someone.
  await db.query('CREATE TABLE test_serving_terms (trainee_id uuid, served_from date, served_to date)');
  await db.query('CREATE OR REPLACE VIEW serving_cqo_terms AS SELECT trainee_id, served_from, served_to FROM test_serving_terms');
  return {
    ctx,
    clock,
    db,
    accrual,
    engine,
    ruleSets: moduleRef.get(RuleSetsService),
    adjustments: moduleRef.get(AdjustmentsService),
    reminders: moduleRef.get(ComplianceRemindersService),
    queries: moduleRef.get(CreditHoursQueries),
    admin,
    trainee: (options) => insertTrainee(db, options),
    enterprise: (regionCode, name) => insertEnterprise(db, regionCode, name),
    complete: async (traineeId, overrides = {}) => {
      const event = completion(traineeId, { completedAt: clock.now().toISOString(), ...overrides });
      const result = await accrual.accrueCompletion(null, event);
      await engine.recomputeTrainee(traineeId, result.year);
      return result;
    },
    status: (traineeId, requirement, periodYear) => statusOf(db, traineeId, requirement, periodYear),
    serve: async (traineeId, from, to = null) => {
      await db.query('INSERT INTO test_serving_terms VALUES ($1, $2, $3)', [traineeId, from, to]);
    },
    close: async () => {
      await moduleRef.close();
      await ctx.dispose();
    },
  };
}
