import type { EntityManager } from 'typeorm';
import { DomainError, runQuery } from '@cqo/core';
import type { DeclarationItem } from '../entities/cqo-declaration.entity';
import { DECLARATION_ITEM_LABELS } from '../entities/cqo-declaration.entity';
import { RegistryErrors } from '../registry.errors';
import {
  finalShortfallYears,
  lastTermYears,
  latestDeclaration,
  openDisqualifyingFlags,
  servingOfTraineeOrEnterprise,
} from '../sql/appointments.sql';

/**
 * How far `appointedOn` may lie from the registration date (the notice does not say; the product
 * decides, and a regulator may approve an older date with a reason).
 */
export const APPOINTED_ON_MAX_DAYS_BEFORE = 30;
export const APPOINTED_ON_MAX_DAYS_AHEAD = 90;
/** A renewal may be registered this many days before the term ends. */
export const RENEWAL_WINDOW_DAYS = 90;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const AppointmentCheckErrors = {
  declarationRequired: () =>
    DomainError.conflict('DISQUALIFICATION_DECLARATION_REQUIRED', '聘任前须登记候选人关于不得担任情形的声明', [
      { field: 'declaration', message: '尚未登记声明' },
    ]),
  declaredDisqualified: (items: DeclarationItem[]) =>
    DomainError.conflict(
      'CQO_DISQUALIFIED_DECLARED',
      `候选人声明存在不得担任首席质量官的情形：${items.map((i) => DECLARATION_ITEM_LABELS[i]).join('；')}`,
      items.map((i) => ({ field: `declaration.${i}`, message: DECLARATION_ITEM_LABELS[i] })),
    ),
  flaggedDisqualified: (circumstances: string[]) =>
    DomainError.conflict(
      'CQO_DISQUALIFIED_FLAGGED',
      `市场监管部门已标记该人员存在不得担任首席质量官的情形：${circumstances.map((c) => DECLARATION_ITEM_LABELS[c as DeclarationItem] ?? c).join('；')}`,
      circumstances.map((c) => ({ field: `flag.${c}`, message: DECLARATION_ITEM_LABELS[c as DeclarationItem] ?? c })),
    ),
  appointedOnTooEarly: (earliest: string) =>
    DomainError.invalid(
      'APPOINTED_ON_TOO_EARLY',
      `聘任日期不能早于登记日前${APPOINTED_ON_MAX_DAYS_BEFORE}天（${earliest}）；更早的日期须经市场监管部门批准`,
      [{ field: 'appointedOn', message: `不能早于${earliest}` }],
    ),
  appointedOnTooLate: (latest: string) =>
    DomainError.invalid('APPOINTED_ON_TOO_LATE', `聘任日期不能晚于登记日后${APPOINTED_ON_MAX_DAYS_AHEAD}天（${latest}）`, [
      { field: 'appointedOn', message: `不能晚于${latest}` },
    ]),
  servingHere: () =>
    DomainError.conflict('TRAINEE_SERVING_HERE', '该人员已是本企业在任首席质量官；任期将满时请办理续聘', [
      { field: 'trainee', message: '已是本企业在任首席质量官' },
    ]),
  shortfallInLastTerm: (years: number[]) =>
    DomainError.conflict(
      'REAPPOINTMENT_CONTINUING_EDUCATION_SHORTFALL',
      `该人员上一任期内${years.join('、')}年度继续教育学时未达标，不符合“接受年度继续教育”的任职条件`,
      years.map((y) => ({ field: `continuingEducation.${y}`, message: `${y}年度学时未达标` })),
    ),
};

/**
 * The declaration an appointment rests on: the candidate's latest, as recorded by this
 * enterprise. Refuses when there is none or when any circumstance is declared.
 */
export async function requireCleanDeclaration(manager: EntityManager, traineeId: string, enterpriseId: string): Promise<string> {
  const [latest] = await runQuery(manager, latestDeclaration, [traineeId, enterpriseId]);
  if (!latest) throw AppointmentCheckErrors.declarationRequired();
  const yes = (Object.keys(DECLARATION_ITEM_LABELS) as DeclarationItem[]).filter((i) => latest.answers[i] === true);
  if (yes.length > 0) throw AppointmentCheckErrors.declaredDisqualified(yes);
  return latest.id;
}

/**
 * One serving CQO per person and per enterprise (the unique indexes decide in the end; this names
 * the conflict before anything is written): already serving here, serving elsewhere, or the
 * enterprise already has someone serving.
 */
export async function refuseServingConflicts(manager: EntityManager, traineeId: string, enterpriseId: string): Promise<void> {
  const serving = await runQuery(manager, servingOfTraineeOrEnterprise, [traineeId, enterpriseId]);
  if (serving.some((a) => a.trainee_id === traineeId && a.enterprise_id === enterpriseId)) throw AppointmentCheckErrors.servingHere();
  if (serving.some((a) => a.trainee_id === traineeId)) throw RegistryErrors.traineeAlreadyServing();
  if (serving.some((a) => a.enterprise_id === enterpriseId)) throw RegistryErrors.enterpriseHasServingCqo();
}

/** A refusal found before the form is filled in: its code and the sentence a person reads. */
export interface AppointmentObstacle {
  code: string;
  message: string;
}

/** Runs refusal checks and keeps every refusal they raise, instead of stopping at the first. */
export async function collectObstacles(checks: (() => Promise<unknown>)[]): Promise<AppointmentObstacle[]> {
  const found: AppointmentObstacle[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      found.push({ code: error.code, message: error.message });
    }
  }
  return found;
}

/** Refuses a person with an open regulator flag of a disqualifying kind. */
export async function refuseFlaggedDisqualified(manager: EntityManager, traineeId: string): Promise<void> {
  const rows = await runQuery(manager, openDisqualifyingFlags, [traineeId]);
  if (rows.length > 0) throw AppointmentCheckErrors.flaggedDisqualified(rows.map((r) => r.c));
}

/**
 * 接受年度继续教育 at re-appointment: the person's last term (any enterprise) must have no final
 * yearly shortfall in its closed years. The yearly statuses are the compliance engine's.
 */
export async function refuseShortfallInLastTerm(manager: EntityManager, traineeId: string, excludeId: string | null = null): Promise<void> {
  const [last] = await runQuery(manager, lastTermYears, [traineeId, excludeId]);
  if (!last) return;
  const years = await runQuery(manager, finalShortfallYears, [traineeId, last.from_year, last.to_year]);
  if (years.length > 0) throw AppointmentCheckErrors.shortfallInLastTerm(years.map((y) => y.year));
}
