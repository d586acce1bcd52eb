import { JobQueues } from '@cqo/core';
import { registrySchedules } from './registry.scheduler';

describe('registrySchedules', () => {
  const sut = registrySchedules('Asia/Shanghai');

  it('has fixed, distinct ids for jobs that exist, in China Standard Time', () => {
    expect(new Set(sut.map((s) => s.id)).size).toBe(sut.length);
    for (const s of sut) {
      expect(JobQueues[s.job]).toBe('registry');
      if ('pattern' in s.repeat) expect(s.repeat.tz).toBe('Asia/Shanghai');
    }
  });

  it('expires terms after midnight, reminds in the morning, asks for city reports in January, refreshes the dashboards', () => {
    const by = Object.fromEntries(sut.map((s) => [s.job, s.repeat]));
    expect(by['registry.expire-terms']).toEqual({ pattern: '10 0 * * *', tz: 'Asia/Shanghai' });
    expect(by['registry.term-reminders']).toEqual({ pattern: '15 9 * * *', tz: 'Asia/Shanghai' });
    expect(by['registry.request-city-reports']).toEqual({ pattern: '0 3 15 1 *', tz: 'Asia/Shanghai' });
    expect(by['registry.refresh-stats']).toEqual({ every: 300_000 });
  });
});
