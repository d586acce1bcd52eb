import { JobQueues } from '@cqo/core';
import { complianceSchedules } from './compliance.scheduler';

describe('complianceSchedules', () => {
  const sut = complianceSchedules('Asia/Shanghai');

  it('has fixed ids and known jobs, so every worker upserts the same schedulers', () => {
    expect(new Set(sut.map((s) => s.id)).size).toBe(sut.length);
    for (const s of sut) expect(JobQueues[s.job]).toBeDefined();
  });

  it('closes the year shortly after 1 January 00:00 and recomputes nightly, in China Standard Time', () => {
    expect(sut.find((s) => s.job === 'compliance.close-year')!.repeat).toEqual({ pattern: '5 0 1 1 *', tz: 'Asia/Shanghai' });
    expect(sut.find((s) => s.job === 'compliance.recompute-all')!.repeat).toEqual({ pattern: '30 2 * * *', tz: 'Asia/Shanghai' });
  });
});
