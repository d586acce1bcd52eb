import { Processor } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { JobPayloads, Queues } from '@cqo/core';
import { AttemptsService } from '@cqo/exams';
import { JobHost, requireIds } from './job-host';

@Processor(Queues.exams, { concurrency: 8 })
export class ExamsProcessor extends JobHost<'exams.auto-submit'> {
  constructor(private readonly attempts: AttemptsService) {
    super();
  }

  readonly handlers = {
    /**
     * Grades what the trainee saved once the deadline and its grace have passed. Idempotent: an
     * attempt already submitted is left alone. Run early (clock skew between processes), the job
     * puts itself back to the delayed set until the attempt is due.
     */
    'exams.auto-submit': async (data: JobPayloads['exams.auto-submit'], job: Job) => {
      const { attemptId } = requireIds(data, 'attemptId');
      const result = await this.attempts.autoSubmit(attemptId);
      if (result.outcome === 'not_due') {
        await job.moveToDelayed(Date.now() + result.dueInMs, job.token);
        throw new DelayedError();
      }
      return result.outcome;
    },
  };
}
