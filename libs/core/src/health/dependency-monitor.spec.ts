import { Logger } from '@nestjs/common';
import { DependencyMonitor } from './dependency-monitor';

describe('DependencyMonitor', () => {
  let sut: DependencyMonitor;
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-31T08:00:00Z') });
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    sut = new DependencyMonitor();
  });
  afterEach(() => {
    sut.onApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('logs an outage once however many connections report it, then once when it ends', () => {
    for (let i = 0; i < 50; i++) sut.reportDown('redis', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(sut.outage('redis')).toEqual({ since: new Date('2026-12-31T08:00:00Z'), error: 'connect ECONNREFUSED 127.0.0.1:6379' });
    expect(sut.isDown('postgres')).toBe(false);
    sut.reportUp('redis');
    sut.reportUp('redis');
    expect(log).toHaveBeenCalledTimes(1);
    expect(sut.isDown('redis')).toBe(false);
  });

  it('reminds while the outage lasts, after 1, 2, 4 … minutes', () => {
    sut.reportDown('postgres', new Error('x'));
    const remindersAfter = (ms: number) => {
      for (let t = 0; t < ms; t += 1000) {
        jest.advanceTimersByTime(1000);
        sut.reportDown('postgres', new Error('x'));
      }
      return warn.mock.calls.length - 1;
    };
    expect(remindersAfter(59_000)).toBe(0);
    expect(remindersAfter(2000)).toBe(1); // at 1 min
    expect(remindersAfter(2 * 60_000)).toBe(2); // at 3 min
    expect(remindersAfter(4 * 60_000)).toBe(3); // at 7 min
  });

  it('probes a dependency that is down with backoff and reports its return', async () => {
    const probe = jest
      .fn()
      .mockRejectedValueOnce(new Error('still down'))
      .mockRejectedValueOnce(new Error('still down'))
      .mockResolvedValue('PONG');
    sut.setProbe('redis', probe);
    sut.reportDown('redis', new Error('gone'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1999);
    expect(probe).toHaveBeenCalledTimes(1); // second probe after 2 s, not 1
    await jest.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(4000);
    expect(probe).toHaveBeenCalledTimes(3);
    expect(sut.isDown('redis')).toBe(false);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it('never logs a password from a connection string', () => {
    sut.reportDown('postgres', new Error('cannot reach postgres://cqo:s3cret@db:5432/cqo'));
    expect(sut.outage('postgres')?.error).toBe('cannot reach postgres://***@db:5432/cqo');
  });
});
