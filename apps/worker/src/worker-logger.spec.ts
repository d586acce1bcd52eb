import type { LoggerService } from '@nestjs/common';
import { WorkerLogger } from './worker-logger';

describe('WorkerLogger', () => {
  const lines: [string, unknown[]][] = [];
  const next: LoggerService = {
    log: (...args: unknown[]) => lines.push(['log', args]),
    warn: (...args: unknown[]) => lines.push(['warn', args]),
    error: (...args: unknown[]) => lines.push(['error', args]),
  };
  beforeEach(() => (lines.length = 0));

  it("drops Nest's module-loading lines and passes on the worker's own", () => {
    const logger = new WorkerLogger(next);
    logger.log('CoreModule dependencies initialized', 'InstanceLoader');
    logger.log('Starting Nest application...', 'NestFactory');
    logger.log('worker health on :3001/health', 'WorkerHealthServer');
    logger.log({ job: 'credit-hours.reconcile' }, 'job done', 'CreditHoursProcessor');
    expect(lines).toEqual([
      ['log', ['worker health on :3001/health', 'WorkerHealthServer']],
      ['log', [{ job: 'credit-hours.reconcile' }, 'job done', 'CreditHoursProcessor']],
    ]);
  });

  it('passes on warnings and errors whatever their context', () => {
    const logger = new WorkerLogger(next);
    logger.warn('redis unreachable', 'Dependencies');
    logger.error('failed', 'InstanceLoader');
    expect(lines.map(([level]) => level)).toEqual(['warn', 'error']);
  });
});
