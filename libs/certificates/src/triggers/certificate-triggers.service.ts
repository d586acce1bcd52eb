import { Injectable, Logger } from '@nestjs/common';
import { chinaYearOf, CourseCompletedEvent } from '@cqo/core';
import { RequirementEvaluator, YearVerdict } from '@cqo/credit-hours';
import { CertificateErrors } from '../certificates.errors';
import { CertificateIssuer, IssueResult } from '../issuance/certificate-issuer';
import { CertificatesRepository } from '../certificates.repository';
import { CertificateRequirementsQuery } from './certificate-requirements.query';
import { CertificateStandingService } from './certificate-standing.service';

export const APPOINTMENT_SUBJECT = 'appointment';
export const CONTINUING_SUBJECT = 'continuing-education';

/** Why a certificate was not issued (yet); for logs and the trainee's request. */
export interface Evaluation {
  appointment: IssueResult | string;
  yearly: IssueResult | string;
}

/**
 * Turns domain events into certificates. Each method is safe to run any number of times: the
 * issuer returns the existing certificate for the same (trainee, kind, subject, period). Whether
 * hours meet a requirement is never decided here: the verdicts come from credit-hours'
 * RequirementEvaluator (the compliance engine's output, refreshed first).
 */
@Injectable()
export class CertificateTriggersService {
  private readonly logger = new Logger(CertificateTriggersService.name);

  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly requirements: CertificateRequirementsQuery,
    private readonly evaluator: RequirementEvaluator,
    private readonly repository: CertificatesRepository,
    private readonly standing: CertificateStandingService,
  ) {}

  /** A course was completed: its completion certificate (结业证书), one per enrollment. */
  async onCourseCompleted(event: CourseCompletedEvent): Promise<IssueResult> {
    return this.issuer.issueCourseCompletion({
      traineeId: event.traineeId,
      kind: 'course_completion',
      subjectKey: event.enrollmentId,
      period: String(chinaYearOf(new Date(event.completedAt))),
      facts: {
        kind: 'course_completion',
        enrollmentId: event.enrollmentId,
        courseId: event.courseId,
        courseVersionId: event.courseVersionId,
        organizationId: event.organizationId,
        category: event.category,
        trainingKind: event.kind,
        creditHours: event.creditHours,
        completedAt: event.completedAt,
      },
      missingCourse: () => CertificateErrors.notDue(`课程版本 ${event.courseVersionId} 或培训机构不存在`),
    });
  }

  /**
   * Hours were accrued (or the trainee asked): issue the appointment-training certificate and
   * the year's continuing-education certificate if their conditions now hold.
   */
  async evaluate(traineeId: string, year: number): Promise<Evaluation> {
    const evaluation: Evaluation = {
      appointment: await this.evaluateAppointment(traineeId),
      yearly: await this.evaluateYear(traineeId, year),
    };
    this.logger.log(
      {
        traineeId,
        year,
        appointment: typeof evaluation.appointment === 'string' ? evaluation.appointment : evaluation.appointment.certificate.serial,
        yearly: typeof evaluation.yearly === 'string' ? evaluation.yearly : evaluation.yearly.certificate.serial,
      },
      'certificates evaluated',
    );
    return evaluation;
  }

  private async evaluateAppointment(traineeId: string): Promise<IssueResult | string> {
    const verdict = await this.evaluator.appointmentVerdict(traineeId, { refresh: true });
    if (!verdict) return 'no appointment-training rule in force';
    if (!verdict.met) return `appointment hours ${verdict.accrued} < ${verdict.required}`;
    const passedAt = await this.requirements.appointmentExamPassedAt(traineeId);
    if (!passedAt) return 'final appointment exam not passed';
    return this.issuer.issue({
      traineeId,
      kind: 'appointment_training',
      subjectKey: APPOINTMENT_SUBJECT,
      period: 'once',
      facts: {
        kind: 'appointment_training',
        appointmentHours: verdict.accrued,
        requiredHours: verdict.required,
        examPassedAt: passedAt.toISOString(),
      },
    });
  }

  /**
   * The year's certificate follows the year's verdict: issued (or reinstated) while every yearly
   * requirement is met, suspended when it no longer is.
   */
  private async evaluateYear(traineeId: string, year: number): Promise<IssueResult | string> {
    const verdict = await this.evaluator.yearVerdict(traineeId, year, { refresh: true });
    const category1 = verdict.requirements.find((r) => r.category === 1 && r.kind === 'continuing');
    const category2 = verdict.requirements.find((r) => r.category === 2);
    if (!category1 || !category2) return 'no yearly rules in force';
    const current = await this.repository.findCurrent({
      traineeId,
      kind: 'yearly_continuing',
      subjectKey: CONTINUING_SUBJECT,
      period: String(year),
    });
    if (!verdict.complete) {
      const summary = summarize(verdict);
      if (current?.status === 'valid') {
        const change = await this.standing.suspend(current, `${year}年度学时经重新认定不满足要求（${summary}）`);
        return `year ${year} no longer complete (${summary}): certificate ${current.serial} ${change ?? 'unchanged'}`;
      }
      return `year ${year}: ${summary}`;
    }
    if (current?.status === 'suspended') {
      await this.standing.reinstate(current, `${year}年度学时经重新认定已满足要求`);
      return { certificate: (await this.repository.findById(current.id))!, created: false };
    }
    return this.issuer.issue({
      traineeId,
      kind: 'yearly_continuing',
      subjectKey: CONTINUING_SUBJECT,
      period: String(year),
      facts: {
        kind: 'yearly_continuing',
        year,
        category1Hours: category1.accrued,
        category1Required: category1.required,
        category2Hours: category2.accrued,
        category2Required: category2.required,
      },
    });
  }
}

/** For logs and the suspension reason: each yearly requirement's hours against what it requires. */
function summarize(verdict: YearVerdict): string {
  return verdict.requirements.map((r) => `${r.ruleName} ${r.accrued}/${r.required}学时`).join('，');
}
