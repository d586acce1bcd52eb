import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  chinaDateOf,
  chinaYearOf,
  Clock,
  CommonErrors,
  isUniqueViolation,
  OutboxWriter,
  Page,
  PageRequest,
  Role,
  runPage,
  runQuery,
  runTemplate,
} from '@cqo/core';
import { EligibilityRulesRepository } from '../eligibility/eligibility-rules.repository';
import { EligibilityService, TraineeIdentifier } from '../eligibility/eligibility.service';
import { EligibilityResult } from '../eligibility/eligibility.types';
import {
  AppointmentEndReason,
  AppointmentStatus,
  CqoAppointmentEntity,
  END_REASON_LABELS,
  isExceptionAppointment,
  POSITION_LEVEL_LABELS,
  PositionLevel,
} from '../entities/cqo-appointment.entity';
import { RegistryErrors } from '../registry.errors';
import { assertCanSeeEnterprise, enterpriseScope, regionFilterPath } from '../registry-scope';
import {
  accountWithRole,
  appointmentById,
  appointmentKeys,
  appointmentsOf,
  APPOINTMENTS_OF,
  AppointmentRow,
  countAppointments,
  endAppointment,
  endForRenewal,
  expireDueAppointments,
  insertBackdateApproval,
  listAppointments,
  renewalSource,
  unusedBackdateApproval,
  useBackdateApproval,
} from '../sql/appointments.sql';
import { termEndDate } from './term';
import {
  addDays,
  APPOINTED_ON_MAX_DAYS_AHEAD,
  APPOINTED_ON_MAX_DAYS_BEFORE,
  AppointmentCheckErrors,
  refuseFlaggedDisqualified,
  refuseServingConflicts,
  refuseShortfallInLastTerm,
  RENEWAL_WINDOW_DAYS,
  requireCleanDeclaration,
} from './appointment-checks';

export interface AppointmentInput {
  trainee: TraineeIdentifier;
  positionTitle: string;
  positionLevel: PositionLevel;
  /** Required when `positionLevel` is `below_deputy` (small and micro enterprises). */
  positionExceptionReason?: string | null;
  authorizationCertificateNo: string;
  /** YYYY-MM-DD. */
  appointedOn: string;
  /** Default: the rule set's term (3 years). */
  termYears?: number;
  /** Required to appoint a person who is not eligible; regulators see such an appointment flagged. */
  eligibilityExceptionReason?: string | null;
}

/** 续聘: the next term of the same CQO at the same enterprise. */
export interface RenewalInput {
  authorizationCertificateNo: string;
  termYears?: number;
  positionTitle?: string;
}

/** serving; ended; expired_unrenewed (the term ran out and nobody renewed it); renewed. */
export type TermState = 'serving' | 'future' | 'ended' | 'expired_unrenewed' | 'renewed';

export interface EndInput {
  reason: Exclude<AppointmentEndReason, 'term_expired'>;
  /** YYYY-MM-DD; default today. */
  endedOn?: string;
  note?: string | null;
}

/** An appointment as everyone who may see it gets it. */
export interface AppointmentView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  regionName: string;
  traineeId: string;
  fullName: string;
  idNumberMasked: string;
  positionTitle: string;
  positionLevel: PositionLevel;
  positionLevelLabel: string;
  positionExceptionReason: string | null;
  authorizationCertificateNo: string;
  appointedOn: string;
  termYears: number;
  termEndsOn: string;
  status: AppointmentStatus;
  eligible: boolean;
  eligibility: EligibilityResult;
  eligibilityExceptionReason: string | null;
  /** An ineligible person appointed by exception, or a position below deputy general manager: regulators see it flagged. */
  exceptionFlagged: boolean;
  /** Where the term stands today: an expired term nobody renewed shows as such. */
  termState: TermState;
  renewalOf: string | null;
  backdateApprovalId: string | null;
  endedOn: string | null;
  endReason: AppointmentEndReason | null;
  endReasonLabel: string | null;
  endNote: string | null;
  createdAt: Date;
}

export interface AppointmentFilter {
  status?: AppointmentStatus;
  enterpriseId?: string;
  regionId?: string;
  /** Only appointments made by exception. */
  exceptionsOnly?: boolean;
}

/**
 * CQO appointments (聘任): registered by the enterprise's admin after the eligibility check,
 * ended by the enterprise (resignation, dismissal) or by the daily job (term expiry). Every
 * change records a `cqo.appointment.changed` event in the same transaction, so the compliance
 * statuses of the trainee are recomputed under the new `serving_cqo_terms`.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly rules: EligibilityRulesRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers an appointment. Refused (naming why) when: no disqualification declaration, or one
   * declaring a circumstance; an open disqualifying regulator flag; `appointedOn` outside the
   * window around today (older dates need a regulator's approval); a final yearly shortfall in
   * the person's last term; not eligible on `appointedOn` without an exception reason.
   */
  async appoint(actor: Actor, input: AppointmentInput): Promise<AppointmentView> {
    const candidate = await this.eligibility.resolveCandidate(actor, input.trainee);
    const enterpriseId = actor.enterpriseId!;
    if (input.positionLevel === 'below_deputy' && !input.positionExceptionReason?.trim()) throw RegistryErrors.positionExceptionRequired();
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const latest = addDays(today, APPOINTED_ON_MAX_DAYS_AHEAD);
    if (input.appointedOn > latest) throw AppointmentCheckErrors.appointedOnTooLate(latest);
    const earliest = addDays(today, -APPOINTED_ON_MAX_DAYS_BEFORE);
    let backdateApprovalId: string | null = null;
    if (input.appointedOn < earliest) {
      const [approval] = await runQuery(this.dataSource, unusedBackdateApproval, [enterpriseId, candidate.traineeId, input.appointedOn]);
      if (!approval) throw AppointmentCheckErrors.appointedOnTooEarly(earliest);
      backdateApprovalId = approval.id;
    }
    await refuseServingConflicts(this.dataSource.manager, candidate.traineeId, enterpriseId);
    const declarationId = await requireCleanDeclaration(this.dataSource.manager, candidate.traineeId, enterpriseId);
    await refuseFlaggedDisqualified(this.dataSource.manager, candidate.traineeId);
    await refuseShortfallInLastTerm(this.dataSource.manager, candidate.traineeId);
    const result = await this.eligibility.evaluate(actor, candidate.traineeId, input.appointedOn);
    const exception = input.eligibilityExceptionReason?.trim() || null;
    if (!result.eligible && !exception) throw RegistryErrors.notEligible(result);
    const rules = await this.rules.inForce(input.appointedOn);
    const termYears = input.termYears ?? rules.defaultTermYears;
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await this.insert(manager, {
        enterpriseId,
        traineeId: candidate.traineeId,
        positionTitle: input.positionTitle.trim(),
        positionLevel: input.positionLevel,
        positionExceptionReason: input.positionLevel === 'below_deputy' ? input.positionExceptionReason!.trim() : null,
        authorizationCertificateNo: input.authorizationCertificateNo.trim(),
        appointedOn: input.appointedOn,
        termYears,
        result,
        exception,
        declarationId,
        backdateApprovalId,
        renewalOf: null,
        actor,
      });
      if (backdateApprovalId) {
        const used = await runQuery(manager, useBackdateApproval, [backdateApprovalId, saved]);
        if (used.length === 0) throw AppointmentCheckErrors.appointedOnTooEarly(earliest);
      }
      return saved;
    });
    return this.view(id);
  }

  /**
   * 续聘: the next term of a CQO whose term ends within {@link RENEWAL_WINDOW_DAYS} days, or ran out
   * unrenewed. The same checks as an appointment (declaration, flags, the last term's continuing
   * education, eligibility on the new start date). The new term starts the day after the old one
   * ends (today, if it has already run out); the old one ends on its last day.
   */
  async renew(actor: Actor, id: string, input: RenewalInput): Promise<AppointmentView> {
    const old = await this.requireVisible(actor, id);
    if (actor.role !== Role.EnterpriseAdmin || actor.enterpriseId !== old.enterpriseId) throw CommonErrors.outOfScope();
    const [row] = await runQuery(this.dataSource, renewalSource, [id]);
    const today = chinaDateOf(this.clock.now());
    const expired = row.status === 'ended' && row.end_reason === 'term_expired';
    if (row.renewed || !(row.status === 'serving' || expired)) throw RegistryErrors.notRenewable('该聘任已结束或已续聘');
    if (row.status === 'serving' && row.term_ends_on > addDays(today, RENEWAL_WINDOW_DAYS)) {
      throw RegistryErrors.notRenewable(`任期届满前${RENEWAL_WINDOW_DAYS}天内方可续聘（任期至${row.term_ends_on}）`);
    }
    const appointedOn = expired ? today : addDays(row.term_ends_on, 1);
    const declarationId = await requireCleanDeclaration(this.dataSource.manager, old.traineeId, old.enterpriseId);
    await refuseFlaggedDisqualified(this.dataSource.manager, old.traineeId);
    await refuseShortfallInLastTerm(this.dataSource.manager, old.traineeId);
    const profileActor = actor;
    const result = await this.eligibility.evaluate(profileActor, old.traineeId, appointedOn);
    if (!result.eligible) throw RegistryErrors.notEligible(result);
    const rules = await this.rules.inForce(appointedOn);
    const newId = await this.dataSource.transaction(async (manager) => {
      if (row.status === 'serving') {
        // The old term ends on its last day; the status changes now so the new term is the serving one.
        const ended = await runQuery(manager, endForRenewal, [id, actor.userId, this.clock.now()]);
        if (ended.length === 0) throw RegistryErrors.notRenewable('该聘任已结束或已续聘');
      }
      return this.insert(manager, {
        enterpriseId: old.enterpriseId,
        traineeId: old.traineeId,
        positionTitle: input.positionTitle?.trim() || row.position_title,
        positionLevel: row.position_level,
        positionExceptionReason: row.position_exception_reason,
        authorizationCertificateNo: input.authorizationCertificateNo.trim(),
        appointedOn,
        termYears: input.termYears ?? rules.defaultTermYears,
        result,
        exception: null,
        declarationId,
        backdateApprovalId: null,
        renewalOf: id,
        actor,
      });
    });
    return this.view(newId);
  }

  private async insert(
    manager: EntityManager,
    a: {
      enterpriseId: string;
      traineeId: string;
      positionTitle: string;
      positionLevel: PositionLevel;
      positionExceptionReason: string | null;
      authorizationCertificateNo: string;
      appointedOn: string;
      termYears: number;
      result: EligibilityResult;
      exception: string | null;
      declarationId: string;
      backdateApprovalId: string | null;
      renewalOf: string | null;
      actor: Actor;
    },
  ): Promise<string> {
    const now = this.clock.now();
    try {
      const repo = manager.getRepository(CqoAppointmentEntity);
      const saved = await repo.save(
        repo.create({
          enterpriseId: a.enterpriseId,
          traineeId: a.traineeId,
          positionTitle: a.positionTitle,
          positionLevel: a.positionLevel,
          positionExceptionReason: a.positionExceptionReason,
          authorizationCertificateNo: a.authorizationCertificateNo,
          appointedOn: a.appointedOn,
          termYears: a.termYears,
          termEndsOn: termEndDate(a.appointedOn, a.termYears),
          eligibility: a.result,
          eligible: a.result.eligible,
          // An exception reason on an eligible appointment means nothing: it is not kept.
          eligibilityExceptionReason: a.result.eligible ? null : a.exception,
          status: 'serving',
          endedOn: null,
          endReason: null,
          endNote: null,
          declarationId: a.declarationId,
          backdateApprovalId: a.backdateApprovalId,
          renewalOf: a.renewalOf,
          createdBy: a.actor.userId,
          endedBy: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.outbox.record(manager, 'cqo.appointment.changed', {
        appointmentId: saved.id,
        traineeId: saved.traineeId,
        enterpriseId: a.enterpriseId,
        change: 'appointed',
        year: chinaYearOf(now),
      });
      return saved.id;
    } catch (error) {
      if (isUniqueViolation(error, 'ux_cqo_appointments_enterprise_serving')) throw RegistryErrors.enterpriseHasServingCqo();
      if (isUniqueViolation(error, 'ux_cqo_appointments_trainee_serving')) throw RegistryErrors.traineeAlreadyServing();
      if (isUniqueViolation(error, 'ux_cqo_appointments_enterprise_certificate_no')) throw RegistryErrors.certificateNoTaken();
      throw error;
    }
  }

  /**
   * A regulator approves an appointment date older than the window allows (the enterprise
   * registers late), with a reason; the approval is kept and used once.
   */
  async approveBackdate(
    actor: Actor,
    input: { enterpriseId: string; traineeId: string; appointedOn: string; reason: string },
  ): Promise<{ id: string }> {
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, input.enterpriseId));
    const rows = await runQuery(this.dataSource, accountWithRole, [input.traineeId, Role.Trainee]);
    if (rows.length === 0) throw RegistryErrors.traineeNotFound('traineeId');
    if (input.appointedOn > chinaDateOf(this.clock.now())) throw AppointmentCheckErrors.appointedOnTooLate(chinaDateOf(this.clock.now()));
    const [saved] = await runQuery(this.dataSource, insertBackdateApproval, [
      input.enterpriseId,
      input.traineeId,
      input.appointedOn,
      input.reason.trim(),
      actor.userId,
      this.clock.now(),
    ]);
    return { id: saved.id };
  }

  /** Resignation or dismissal, recorded by the enterprise. Term expiry is the daily job's ({@link expireDue}). */
  async end(actor: Actor, id: string, input: EndInput): Promise<AppointmentView> {
    const found = await this.requireVisible(actor, id);
    if (actor.role !== Role.EnterpriseAdmin) throw CommonErrors.outOfScope();
    if (found.status !== 'serving') throw RegistryErrors.appointmentAlreadyEnded();
    const now = this.clock.now();
    const endedOn = input.endedOn ?? chinaDateOf(now);
    if (endedOn < found.appointedOn) throw RegistryErrors.endBeforeStart();
    await this.dataSource.transaction(async (manager) => {
      const rows = await runQuery(manager, endAppointment, [id, endedOn, input.reason, input.note?.trim() || null, actor.userId, now]);
      if (rows.length === 0) throw RegistryErrors.appointmentAlreadyEnded();
      await this.outbox.record(manager, 'cqo.appointment.changed', {
        appointmentId: id,
        traineeId: found.traineeId,
        enterpriseId: found.enterpriseId,
        change: 'ended',
        year: chinaYearOf(now),
      });
    });
    return this.view(id);
  }

  /**
   * Ends every serving appointment whose term ran out before today (CST), set-based, one event
   * per appointment in the same transaction. Idempotent: a second run finds nothing.
   */
  async expireDue(): Promise<{ expired: number }> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    return this.dataSource.transaction(async (manager) => {
      const rows = await runQuery(manager, expireDueAppointments, [today, now]);
      for (const r of rows) {
        await this.outbox.record(manager, 'cqo.appointment.changed', {
          appointmentId: r.id,
          traineeId: r.trainee_id,
          enterpriseId: r.enterprise_id,
          change: 'ended',
          year: chinaYearOf(now),
        });
      }
      return { expired: rows.length };
    });
  }

  async get(actor: Actor, id: string): Promise<AppointmentView> {
    await this.requireVisible(actor, id);
    return this.view(id);
  }

  /** Appointments the actor may see: an enterprise its own (history included), a regulator its region's, platform admins all. */
  async list(actor: Actor, filter: AppointmentFilter, page: PageRequest): Promise<Page<AppointmentView>> {
    let scopePath: string | null = null;
    let ownEnterprise: string | null = null;
    if (actor.role === Role.EnterpriseAdmin) {
      ownEnterprise = actor.enterpriseId;
      if (!ownEnterprise) throw CommonErrors.outOfScope();
    } else {
      scopePath = await regionFilterPath(this.dataSource, actor, filter.regionId);
    }
    const params = [scopePath, ownEnterprise, filter.status ?? null, filter.enterpriseId ?? null, filter.exceptionsOnly ?? false] as const;
    return runPage(this.dataSource, { count: countAppointments, rows: listAppointments }, [...params], page, (r) =>
      toView(r, this.today()),
    );
  }

  /** Every appointment of a trainee (the history), newest first. No scope check: callers check the trainee. */
  async ofTrainee(traineeId: string, manager: EntityManager = this.dataSource.manager): Promise<AppointmentView[]> {
    const rows = await runTemplate(manager, appointmentsOf, { owner: APPOINTMENTS_OF.trainee }, [traineeId]);
    return rows.map((r) => toView(r, this.today()));
  }

  /** Every appointment at an enterprise, newest first. No scope check: callers check the enterprise. */
  async ofEnterprise(enterpriseId: string): Promise<AppointmentView[]> {
    const rows = await runTemplate(this.dataSource, appointmentsOf, { owner: APPOINTMENTS_OF.enterprise }, [enterpriseId]);
    return rows.map((r) => toView(r, this.today()));
  }

  private async requireVisible(
    actor: Actor,
    id: string,
  ): Promise<{ traineeId: string; enterpriseId: string; status: AppointmentStatus; appointedOn: string }> {
    const rows = await runQuery(this.dataSource, appointmentKeys, [id]);
    if (rows.length === 0) throw RegistryErrors.appointmentNotFound();
    assertCanSeeEnterprise(actor, await enterpriseScope(this.dataSource, rows[0].enterprise_id));
    return {
      traineeId: rows[0].trainee_id,
      enterpriseId: rows[0].enterprise_id,
      status: rows[0].status,
      appointedOn: rows[0].appointed_on,
    };
  }

  private today(): string {
    return chinaDateOf(this.clock.now());
  }

  private async view(id: string): Promise<AppointmentView> {
    const rows = await runQuery(this.dataSource, appointmentById, [id]);
    if (rows.length === 0) throw RegistryErrors.appointmentNotFound();
    return toView(rows[0], this.today());
  }
}

function toView(r: AppointmentRow, today: string): AppointmentView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionId: r.region_id,
    regionName: r.region_name,
    traineeId: r.trainee_id,
    fullName: r.full_name,
    idNumberMasked: r.id_number_masked,
    positionTitle: r.position_title,
    positionLevel: r.position_level,
    positionLevelLabel: POSITION_LEVEL_LABELS[r.position_level],
    positionExceptionReason: r.position_exception_reason,
    authorizationCertificateNo: r.authorization_certificate_no,
    appointedOn: r.appointed_on_text,
    termYears: r.term_years,
    termEndsOn: r.term_ends_on_text,
    status: r.status,
    eligible: r.eligible,
    eligibility: r.eligibility,
    eligibilityExceptionReason: r.eligibility_exception_reason,
    exceptionFlagged: isExceptionAppointment(r.eligible, r.position_level),
    termState: r.renewed
      ? 'renewed'
      : r.status === 'serving'
        ? r.appointed_on_text > today
          ? 'future'
          : 'serving'
        : r.end_reason === 'term_expired'
          ? 'expired_unrenewed'
          : 'ended',
    renewalOf: r.renewal_of,
    backdateApprovalId: r.backdate_approval_id,
    endedOn: r.ended_on_text,
    endReason: r.end_reason,
    endReasonLabel: r.end_reason ? END_REASON_LABELS[r.end_reason] : null,
    endNote: r.end_note,
    createdAt: r.created_at,
  };
}
