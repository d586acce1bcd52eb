import type { JobName } from '@cqo/core';
import { JobQueues } from '@cqo/core';
import { checkHandlers } from './handler-registry';

describe('checkHandlers', () => {
  const every = Object.keys(JobQueues) as JobName[];

  it('accepts exactly one handler per job', () => {
    expect(checkHandlers(every)).toEqual([]);
  });

  it('names a job with no handler and a job with two', () => {
    const [first, ...rest] = every;
    expect(checkHandlers(rest)).toEqual([`${first} has 0 handlers`]);
    expect(checkHandlers([...every, first])).toEqual([`${first} has 2 handlers`]);
  });
});
