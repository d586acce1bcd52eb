import { Injectable, Logger } from '@nestjs/common';
import { chinaDateOf, chinaYearOf, Clock, CourseCompletedEvent } from '@cqo/core';
import { CreditHoursQueries, fromCentiHours, toCentiHours } from '@cqo/credit-hours';
import { CertificateErrors } from '../certificates.errors';
import { CertificateIssuer, IssueResult } from '../issuance/certificate-issuer';
import { CourseFactsSource } from '../issuance/course-facts.source';
import { CertificateRequirementsQuery } from './certificate-requirements.query';

export const APPOINTMENT_SUBJECT = 'appointment';
export const CONTINUING_SUBJECT = 'continuing-education';

/** Why a certificate was not issued (yet); for logs and the trainee's request. */
export interface Evaluation {
  appointment: IssueResult | string;
  yearly: IssueResult | string;
}

/**
 * Turns domain events into certificates. Each method is safe to run any number of times: the
 * issuer returns the existing certificate for the same (trainee, kind, subject, period).
 */
@Injectable()
export class CertificateTriggersService {
  private readonly logger = new Logger(CertificateTriggersService.name);

  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly courseFacts: CourseFactsSource,
    private readonly requirements: CertificateRequirementsQuery,
    private readonly creditHours: CreditHoursQueries,
    private readonly clock: Clock,
  ) {}

  /** A course was completed: its completion certificate (结业证书), one per enrollment. */
  async onCourseCompleted(event: CourseCompletedEvent): Promise<IssueResult> {
    const names = await this.courseFacts.namesOf(event.courseVersionId, event.organizationId);
    if (!names) throw CertificateErrors.notDue(`课程版本 ${event.courseVersionId} 或培训机构不存在`);
    return this.issuer.issue({
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
        courseTitle: names.courseTitle,
        organizationName: names.organizationName,
        category: event.category,
        trainingKind: event.kind,
        creditHours: event.creditHours,
        completedAt: event.completedAt,
      },
    });
  }

  /**
   * Hours were accrued (or the trainee asked): issue the appointment-training certificate and
   * the year's continuing-education certificate if their conditions now hold.
   */
  async evaluate(traineeId: string, year: number): Promise<Evaluation> {
    const evaluation: Evaluation = { appointment: await this.evaluateAppointment(traineeId), yearly: await this.evaluateYear(traineeId, year) };
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
    const today = chinaDateOf(this.clock.now());
    const rule = (await this.requirements.governingRules(traineeId, today)).find((r) => r.period === 'once' && r.category === 1 && r.kind === 'appointment');
    if (!rule) return 'no appointment-training rule in force';
    const hours = await this.creditHours.appointmentHoursTotal(traineeId);
    if (toCentiHours(hours) < toCentiHours(rule.minHours)) return `appointment hours ${hours} < ${rule.minHours}`;
    const passedAt = await this.requirements.appointmentExamPassedAt(traineeId);
    if (!passedAt) return 'final appointment exam not passed';
    return this.issuer.issue({
      traineeId,
      kind: 'appointment_training',
      subjectKey: APPOINTMENT_SUBJECT,
      period: 'once',
      facts: { kind: 'appointment_training', appointmentHours: hours, requiredHours: fromCentiHours(toCentiHours(rule.minHours)), examPassedAt: passedAt.toISOString() },
    });
  }

  private async evaluateYear(traineeId: string, year: number): Promise<IssueResult | string> {
    // A closed year is judged by the rules in force on its last day; the open year by today's.
    const today = chinaDateOf(this.clock.now());
    const lastDay = `${year}-12-31`;
    const rules = (await this.requirements.governingRules(traineeId, today < lastDay ? today : lastDay)).filter((r) => r.period === 'calendar_year');
    const category1 = rules.find((r) => r.category === 1 && r.kind === 'continuing');
    const category2 = rules.find((r) => r.category === 2);
    if (!category1 || !category2) return 'no yearly rules in force';
    const accrued = await this.creditHours.accruedHours(traineeId, { year });
    const sum = (rule: typeof category1) =>
      accrued
        .filter((a) => a.category === rule.category && (a.kind === rule.kind || (rule.countAppointmentHours && a.kind === 'appointment')))
        .reduce((total, a) => total + toCentiHours(a.hours), 0n);
    const hours1 = sum(category1);
    const hours2 = sum(category2);
    if (hours1 < toCentiHours(category1.minHours) || hours2 < toCentiHours(category2.minHours)) {
      return `year ${year}: category 1 ${fromCentiHours(hours1)}/${category1.minHours}, category 2 ${fromCentiHours(hours2)}/${category2.minHours}`;
    }
    return this.issuer.issue({
      traineeId,
      kind: 'yearly_continuing',
      subjectKey: CONTINUING_SUBJECT,
      period: String(year),
      facts: {
        kind: 'yearly_continuing',
        year,
        category1Hours: fromCentiHours(hours1),
        category1Required: fromCentiHours(toCentiHours(category1.minHours)),
        category2Hours: fromCentiHours(hours2),
        category2Required: fromCentiHours(toCentiHours(category2.minHours)),
      },
    });
  }
}
