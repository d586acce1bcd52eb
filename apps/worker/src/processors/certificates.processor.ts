import { Processor } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { isUUID } from 'class-validator';
import { DomainError, JobPayloads, Queues } from '@cqo/core';
import { CertificateRenderPool, CertificateTriggersService, IssueResult } from '@cqo/certificates';
import { JobHost, requireIds } from './job-host';

type CertificateJobs = 'certificates.issue-course' | 'certificates.evaluate-trainee';

/** What a job reports back (kept with the finished job): the serial, and whether this run made it. */
function summary(result: IssueResult | string): { serial: string; created: boolean } | string {
  return typeof result === 'string' ? result : { serial: result.certificate.serial, created: result.created };
}

/**
 * Issues certificates from events: a completed course → its completion certificate; hours
 * accrued (or the trainee asking) → the appointment and yearly certificates whose conditions
 * hold. Every job is idempotent (one certificate per trainee, kind, subject and period). A
 * domain error (a name the fonts cannot draw, a missing profile) fails for good; anything else
 * is retried.
 *
 * The render threads start (and warm up) with the worker, before it takes jobs: started by the
 * first burst of jobs instead, they would load and compile while those jobs wait.
 */
@Processor(Queues.certificates, { concurrency: 16 })
export class CertificatesProcessor extends JobHost<CertificateJobs> implements OnModuleInit {
  constructor(
    private readonly triggers: CertificateTriggersService,
    private readonly renderPool: CertificateRenderPool,
  ) {
    super();
  }

  onModuleInit(): Promise<void> {
    return this.renderPool.startThreads();
  }

  readonly handlers = {
    'certificates.issue-course': (data: JobPayloads['certificates.issue-course']) =>
      permanentOnDomainError(async () => {
        const event = data.event;
        for (const field of ['enrollmentId', 'traineeId', 'courseId', 'courseVersionId', 'organizationId'] as const) {
          if (!isUUID(event?.[field])) throw new UnrecoverableError(`payload field event.${field} must be a UUID`);
        }
        if (!/^\d+(\.\d+)?$/.test(event.creditHours) || Number.isNaN(Date.parse(event.completedAt))) {
          throw new UnrecoverableError('payload event.creditHours or event.completedAt is malformed');
        }
        return summary(await this.triggers.onCourseCompleted(event));
      }),
    'certificates.evaluate-trainee': (data: JobPayloads['certificates.evaluate-trainee']) =>
      permanentOnDomainError(async () => {
        requireIds(data, 'traineeId');
        if (!Number.isInteger(data.year) || data.year < 2000 || data.year > 2100)
          throw new UnrecoverableError('payload field year is not a year');
        const evaluation = await this.triggers.evaluate(data.traineeId, data.year);
        return { appointment: summary(evaluation.appointment), yearly: summary(evaluation.yearly) };
      }),
  };
}

async function permanentOnDomainError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}
