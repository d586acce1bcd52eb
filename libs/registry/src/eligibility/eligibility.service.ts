import { Injectable } from '@nestjs/common';
import { APPOINTMENT_SUBJECT, CertificatesRepository } from '@cqo/certificates';
import { Actor, chinaDateOf, Clock, CommonErrors, DomainError, Role } from '@cqo/core';
import { asOfKey, RequirementEvaluator } from '@cqo/credit-hours';
import { UsersRepository } from '@cqo/identity';
import { QUALITY_QUALIFICATIONS, TraineesService } from '@cqo/trainees';
import { RegistryErrors } from '../registry.errors';
import { evaluateEligibility } from './eligibility-rules';
import { EligibilityRulesRepository } from './eligibility-rules.repository';
import { EligibilityCode, EligibilityResult } from './eligibility.types';
import { factValues, TraineeFactsService } from '../facts/trainee-facts.service';
import { FactKind } from '../entities/trainee-fact.entity';

/** How an enterprise admin names a candidate: a user name, or the whole citizen ID number (matched by hash). */
export interface TraineeIdentifier {
  username?: string;
  idNumber?: string;
}

/** The candidate as the answer shows them: the ID number masked. */
export interface CandidateView {
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
}

export interface EligibilityAnswer {
  candidate: CandidateView;
  result: EligibilityResult;
}

/**
 * The eligibility check of the notice's conditions. Facts come from the trainee profile
 * (libs/trainees), the credit-hours evaluator (appointment training) and the certificates
 * (libs/certificates); thresholds from the rule set in force (a table, not constants).
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly rules: EligibilityRulesRepository,
    private readonly trainees: TraineesService,
    private readonly users: UsersRepository,
    private readonly evaluator: RequirementEvaluator,
    private readonly certificates: CertificatesRepository,
    private readonly facts: TraineeFactsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Finds the candidate an enterprise admin names. Only the enterprise's own people (the profile
   * names the enterprise as employer) are found: anyone else is "not found", so the check cannot
   * be used to learn whether an ID number is registered elsewhere.
   */
  async resolveCandidate(actor: Actor, who: TraineeIdentifier): Promise<CandidateView> {
    if (actor.role !== Role.EnterpriseAdmin || !actor.enterpriseId) throw CommonErrors.outOfScope();
    const hasUsername = typeof who.username === 'string' && who.username.trim() !== '';
    const hasIdNumber = typeof who.idNumber === 'string' && who.idNumber.trim() !== '';
    if (hasUsername === hasIdNumber) throw RegistryErrors.traineeIdentifierRequired();
    let traineeId: string | null = null;
    if (hasUsername) {
      const user = await this.users.findByUsername(who.username!);
      traineeId = user && user.role === Role.Trainee ? user.id : null;
    } else {
      traineeId = await this.trainees.findUserIdByIdNumber(who.idNumber!);
    }
    const field = hasUsername ? 'trainee.username' : 'trainee.idNumber';
    if (!traineeId) throw RegistryErrors.traineeNotFound(field);
    const profile = await this.trainees.getVisible(actor, traineeId).catch(() => null);
    if (!profile || profile.enterpriseId !== actor.enterpriseId) throw RegistryErrors.traineeNotFound(field);
    return {
      traineeId,
      fullName: profile.fullName,
      idNumberMasked: profile.idNumberMasked,
      enterpriseId: profile.enterpriseId,
      enterpriseName: profile.enterpriseName,
    };
  }

  async check(actor: Actor, who: TraineeIdentifier): Promise<EligibilityAnswer> {
    const candidate = await this.resolveCandidate(actor, who);
    return { candidate, result: await this.evaluate(actor, candidate.traineeId) };
  }

  /**
   * Of (trainee, date) pairs, the keys ({@link asOfKey}) of those whose person met the appointment
   * training conditions on the date: the hours by then (the credit-hours evaluator, as of the date)
   * and, where the eligibility rule set in force that day requires it, a valid appointment-training
   * certificate (held now: the certificate is the paper of the training, the ledger says when it
   * happened). The target figures count an appointment made by exception for missing training from
   * the day the training is completed.
   */
  async trainingCompletedAsOf(asked: readonly { traineeId: string; date: string }[]): Promise<Set<string>> {
    const done = new Set<string>();
    const hours = await this.evaluator.appointmentTrainingAsOf(asked);
    const met = asked.filter((a) => hours.get(asOfKey(a.traineeId, a.date))?.met);
    const certificateRequired = new Map<string, boolean>();
    const certificateValid = new Map<string, boolean>();
    for (const a of met) {
      if (!certificateRequired.has(a.date)) {
        // Before the first eligibility rule set nothing can be judged eligible: the certificate is then required.
        const rules = await this.rules.inForce(a.date).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'ELIGIBILITY_RULES_MISSING') return null;
          throw error;
        });
        certificateRequired.set(a.date, rules?.requireAppointmentCertificate ?? true);
      }
      if (certificateRequired.get(a.date) && !certificateValid.has(a.traineeId)) {
        const certificate = await this.certificates.findCurrent({
          traineeId: a.traineeId,
          kind: 'appointment_training',
          subjectKey: APPOINTMENT_SUBJECT,
          period: 'once',
        });
        certificateValid.set(a.traineeId, certificate?.status === 'valid');
      }
      if (!certificateRequired.get(a.date) || certificateValid.get(a.traineeId)) done.add(asOfKey(a.traineeId, a.date));
    }
    return done;
  }

  /**
   * Judges a trainee the actor may see on `onDate` (default today, CST) under the rule set in
   * force that day: an appointment is judged as of its `appointedOn`.
   */
  async evaluate(actor: Actor, traineeId: string, onDate?: string): Promise<EligibilityResult> {
    const today = onDate ?? chinaDateOf(this.clock.now());
    const rules = await this.rules.inForce(today);
    const profile = await this.trainees.getVisible(actor, traineeId);
    // Appointment training as of the date: the credit-hours evaluator's verdict on the ledger up to
    // that day, under the requirement rule set governing its year (hours earned later do not count).
    const [asOf, certificate] = await Promise.all([
      this.evaluator.appointmentTrainingAsOf([{ traineeId, date: today }]),
      this.certificates.findCurrent({ traineeId, kind: 'appointment_training', subjectKey: APPOINTMENT_SUBJECT, period: 'once' }),
    ]);
    const appointment = asOf.get(asOfKey(traineeId, today)) ?? null;
    const result = evaluateEligibility(
      {
        qualityWorkYears: String(profile.qualityWorkYears),
        educationLevel: profile.educationLevel,
        qualityQualification: profile.qualityQualification,
        relatedSeniorTitle: profile.relatedSeniorTitle,
        appointmentTraining: appointment ? { accrued: appointment.accrued, required: appointment.required, met: appointment.met } : null,
        hasAppointmentCertificate: certificate?.status === 'valid',
      },
      rules,
      today,
    );
    // Each profile-based condition says how far its fact has been checked: never shown as verified unless it is.
    const facts = await this.facts.factsFor(traineeId, factValues(profile));
    const stateOf = (fact: FactKind) => facts.find((f) => f.fact === fact)!.state;
    const byQualification =
      QUALITY_QUALIFICATIONS.indexOf(profile.qualityQualification) >= QUALITY_QUALIFICATIONS.indexOf(rules.minQualityQualification);
    const factOf: Partial<Record<EligibilityCode, FactKind>> = {
      QUALITY_WORK_YEARS: 'quality_work_years',
      EDUCATION_LEVEL: 'education',
      QUALITY_QUALIFICATION: byQualification || !profile.relatedSeniorTitle ? 'qualification' : 'title',
    };
    for (const c of result.conditions) {
      const fact = factOf[c.code];
      c.factState = fact ? stateOf(fact) : null;
    }
    return result;
  }
}
