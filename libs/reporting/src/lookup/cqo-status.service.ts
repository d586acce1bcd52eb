import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APPOINTMENT_SUBJECT, CertificateEntity, CertificateView, toView as certificateView } from '@cqo/certificates';
import { Actor, Clock, CommonErrors, normalizeHours, Role, runQuery } from '@cqo/core';
import { ComplianceState, currentYear, RequirementEvaluator } from '@cqo/credit-hours';
import { TraineesService } from '@cqo/trainees';
import {
  AppointmentsService,
  AppointmentView,
  canSeeTrainee,
  CqoFlagsService,
  DeclarationsService,
  DeclarationView,
  factValues,
  FlagView,
  RegistryErrors,
  TraineeFactsService,
  TraineeFactView,
  traineeRegistryScope,
} from '@cqo/registry';
import { LookupKeyKind } from '../entities/registry-access-log.entity';
import { AccessLogService } from './access-log.service';
import { statusProfile, statusRequirements, traineesByCertificateSerial, traineesByNameAndEnterprise } from '../sql/lookup.sql';

/** A lookup key. The ID number arrives in a POST body only, is matched by its keyed hash, and is never stored or echoed. */
export type LookupKey =
  | { kind: 'id_number'; idNumber: string }
  | { kind: 'name_enterprise'; fullName: string; enterpriseId?: string; enterpriseName?: string }
  | { kind: 'certificate_serial'; serial: string };

export interface RequirementStatusView {
  requirement: string;
  ruleName: string;
  category: number;
  kind: string;
  required: string;
  accrued: string;
  shortfall: string;
  state: ComplianceState;
  final: boolean;
}

export interface YearStatusView {
  year: number;
  requirements: RequirementStatusView[];
  /** Every yearly requirement complete. */
  complete: boolean;
}

export interface AppointmentTrainingView {
  done: boolean;
  hours: string;
  requiredHours: string;
  certificateSerial: string | null;
  certificateStatus: string | null;
}

/** Everything a regulator's status page shows about one person (ID number masked). */
export interface CqoStatusView {
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  serving: boolean;
  currentAppointment: AppointmentView | null;
  appointments: AppointmentView[];
  appointmentTraining: AppointmentTrainingView;
  /** This year and last year, each yearly requirement with hours and state. */
  years: YearStatusView[];
  certificates: CertificateView[];
  flags: FlagView[];
  openFlags: number;
  declarations: DeclarationView[];
  /** Any appointment made by exception (ineligible, or below deputy general manager). */
  exceptionFlagged: boolean;
  /** The eligibility facts with how far each has been checked (never shown as verified unless it is). */
  facts: TraineeFactView[];
}

/**
 * The regulators' status lookup: by full ID number, by name and enterprise, by certificate
 * serial; and the status page of one person. Scope: a regulator sees people whose enterprise
 * (on the profile, or of any appointment) lies in their region. Every lookup is written to the
 * access log, found or not.
 */
@Injectable()
export class CqoStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainees: TraineesService,
    private readonly appointments: AppointmentsService,
    private readonly declarations: DeclarationsService,
    private readonly flags: CqoFlagsService,
    private readonly evaluator: RequirementEvaluator,
    private readonly accessLog: AccessLogService,
    private readonly facts: TraineeFactsService,
    private readonly clock: Clock,
  ) {}

  /** Matches in the caller's scope; none → 404 (a person outside the scope is "not found" too). */
  async lookup(actor: Actor, key: LookupKey, requestId: string | null = null): Promise<CqoStatusView[]> {
    this.assertRegulator(actor);
    const candidates = await this.match(key);
    const visible: string[] = [];
    for (const id of candidates) {
      const scope = await traineeRegistryScope(this.dataSource, id);
      if (scope && canSeeTrainee(actor, scope)) visible.push(id);
    }
    await this.accessLog.record(actor, key.kind, visible, requestId);
    if (visible.length === 0) throw RegistryErrors.cqoNotFound();
    return Promise.all(visible.map((id) => this.statusOf(id)));
  }

  /** The status page of one person by id (from a list or a drill-down): 404 unknown, 403 out of scope. Logged. */
  async status(actor: Actor, traineeId: string, requestId: string | null = null): Promise<CqoStatusView> {
    this.assertRegulator(actor);
    const scope = await traineeRegistryScope(this.dataSource, traineeId);
    if (!scope) throw RegistryErrors.cqoNotFound();
    if (!canSeeTrainee(actor, scope)) throw CommonErrors.outOfScope();
    await this.accessLog.record(actor, 'trainee_id' satisfies LookupKeyKind, [traineeId], requestId);
    return this.statusOf(traineeId);
  }

  private assertRegulator(actor: Actor): void {
    if (actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
  }

  private async match(key: LookupKey): Promise<string[]> {
    switch (key.kind) {
      case 'id_number': {
        const id = await this.trainees.findUserIdByIdNumber(key.idNumber);
        return id ? [id] : [];
      }
      case 'certificate_serial': {
        const rows = await runQuery(this.dataSource, traineesByCertificateSerial, [key.serial.trim().toUpperCase()]);
        return rows.map((r) => r.trainee_id);
      }
      case 'name_enterprise': {
        // Exact name; the enterprise by id, or by part of its name; the profile's employer or any appointment's.
        const rows = await runQuery(this.dataSource, traineesByNameAndEnterprise, [
          key.fullName.trim(),
          key.enterpriseId ?? null,
          key.enterpriseName?.trim().replace(/[%_\\]/g, '\\$&') || null,
        ]);
        return rows.map((r) => r.user_id);
      }
      default: {
        const unreachable: never = key;
        throw new Error(`unknown lookup ${String(unreachable)}`);
      }
    }
  }

  /** Assembles the status page; no scope check (callers check). */
  async statusOf(traineeId: string): Promise<CqoStatusView> {
    const now = this.clock.now();
    const year = currentYear(now);
    const [profileRows, appointments, declarations, flags, certificateRows, appointment, statusRows] = await Promise.all([
      runQuery(this.dataSource, statusProfile, [traineeId]),
      this.appointments.ofTrainee(traineeId),
      this.declarations.ofTrainee(traineeId),
      this.flags.ofTrainee(traineeId),
      this.dataSource.getRepository(CertificateEntity).find({ where: { traineeId }, order: { createdAt: 'DESC' } }),
      // Appointment training as the credit-hours evaluator judged it (the rule set in force's `once` rule).
      this.evaluator.appointmentVerdict(traineeId),
      // compliance_statuses is the credit-hours lib's cache of the ledger, maintained by its engine.
      runQuery(this.dataSource, statusRequirements, [traineeId, year, year - 1]),
    ]);
    const profile = profileRows[0];
    if (!profile) throw RegistryErrors.cqoNotFound();
    const appointmentCertificate =
      certificateRows.find((c) => c.kind === 'appointment_training' && c.subjectKey === APPOINTMENT_SUBJECT && c.status !== 'superseded') ??
      null;
    const current = appointments.find((a) => a.status === 'serving') ?? null;
    const years = [year, year - 1].map((y) => {
      const requirements = statusRows
        .filter((s) => s.period_year === y)
        .map((s) => ({
          requirement: s.requirement,
          ruleName: s.rule_name,
          category: s.category,
          kind: s.kind,
          required: normalizeHours(s.required),
          accrued: normalizeHours(s.accrued),
          shortfall: normalizeHours(s.shortfall),
          state: s.state,
          final: s.final,
        }));
      return { year: y, requirements, complete: requirements.length > 0 && requirements.every((r) => r.state === 'complete') };
    });
    return {
      traineeId,
      fullName: profile.full_name,
      idNumberMasked: profile.id_number_masked,
      enterpriseId: profile.enterprise_id,
      enterpriseName: profile.enterprise_name,
      serving: current !== null,
      currentAppointment: current,
      appointments,
      appointmentTraining: {
        done: (appointment?.met ?? false) && appointmentCertificate?.status === 'valid',
        hours: appointment?.accrued ?? '0',
        requiredHours: appointment?.required ?? '0',
        certificateSerial: appointmentCertificate?.serial ?? null,
        certificateStatus: appointmentCertificate?.status ?? null,
      },
      years,
      certificates: certificateRows.map(certificateView),
      flags,
      openFlags: flags.filter((f) => f.open).length,
      declarations,
      exceptionFlagged: appointments.some((a) => a.exceptionFlagged),
      facts: await this.facts.factsFor(
        traineeId,
        factValues({
          educationLevel: profile.education_level,
          qualityWorkYears: profile.quality_work_years,
          qualityQualification: profile.quality_qualification,
          relatedSeniorTitle: profile.related_senior_title,
        }),
      ),
    };
  }
}
