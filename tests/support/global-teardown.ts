import { deleteRedisKeys, dropDatabasesLike } from '../../libs/testing/src/test-database';

/** Drops the run's databases and Redis keys, whatever the tests left behind. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.CQO_TEST_RUN;
  if (!run) return;
  await dropDatabasesLike(`cqo_t_${run}_`);
  await deleteRedisKeys(`t${run}*`);
  await deleteRedisKeys(`{t${run}*`); // BullMQ's hash-tagged keys
}
