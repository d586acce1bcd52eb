import { defineQuery, defineTemplate, regionScopeOrAllSql } from '@cqo/core';
import { PUBLIC_COMPLIANCE_STATUSES, PUBLIC_REQUIREMENT_RULES } from '@cqo/credit-hours';
import { PUBLIC_USER_ACCOUNTS } from '@cqo/identity';
import { PUBLIC_ENTERPRISES, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { DeclarationItem } from '../entities/cqo-declaration.entity';
import type { AppointmentEndReason, AppointmentStatus, PositionLevel } from '../entities/cqo-appointment.entity';
import type { EligibilityResult } from '../eligibility/eligibility.types';

// SQL of CQO appointments (AppointmentsService, the appointment checks, the term reminders).
// Tables: cqo_appointments, appointment_backdate_approvals, cqo_declarations, cqo_flags
// (registry); enterprises, regions, trainee profiles, accounts and compliance statuses through
// their libs' public views.

/** An appointment with its enterprise, region and person, as AppointmentsService reads it. */
export interface AppointmentRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  region_id: string;
  region_name: string;
  region_path: string;
  trainee_id: string;
  full_name: string;
  id_number_masked: string;
  position_title: string;
  position_level: PositionLevel;
  position_exception_reason: string | null;
  authorization_certificate_no: string;
  appointed_on_text: string;
  term_years: number;
  term_ends_on_text: string;
  status: AppointmentStatus;
  eligible: boolean;
  eligibility: EligibilityResult;
  eligibility_exception_reason: string | null;
  ended_on_text: string | null;
  end_reason: AppointmentEndReason | null;
  end_note: string | null;
  created_at: Date;
  renewed: boolean;
  renewal_of: string | null;
  backdate_approval_id: string | null;
}

const VIEW_SELECT = `
  SELECT a.*, a.appointed_on::text AS appointed_on_text, a.term_ends_on::text AS term_ends_on_text, a.ended_on::text AS ended_on_text,
         e.name AS enterprise_name, e.region_id, g.name AS region_name, g.path AS region_path,
         p.full_name, p.id_number_masked,
         EXISTS (SELECT 1 FROM cqo_appointments n WHERE n.renewal_of = a.id) AS renewed
    FROM cqo_appointments a
    JOIN ${PUBLIC_ENTERPRISES} e ON e.id = a.enterprise_id
    JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id
    JOIN ${PUBLIC_TRAINEES} p ON p.user_id = a.trainee_id`;

export const appointmentById = defineQuery<[id: string], AppointmentRow>('registry.appointments.byId', `${VIEW_SELECT} WHERE a.id = $1`);

/** Whose appointments {@link appointmentsOf} lists: the column `$1` is compared with. */
export const APPOINTMENTS_OF = { trainee: 'a.trainee_id', enterprise: 'a.enterprise_id' } as const;

/** Every appointment of a trainee or at an enterprise (`owner`: one of {@link APPOINTMENTS_OF}), newest first. */
export const appointmentsOf = defineTemplate<'owner', AppointmentRow>(
  'registry.appointments.of',
  ['owner'],
  (f) => `${VIEW_SELECT} WHERE ${f.owner} = $1 ORDER BY a.appointed_on DESC, a.id`,
);

type ListParams = [
  scopePath: string | null,
  ownEnterpriseId: string | null,
  status: string | null,
  enterpriseId: string | null,
  exceptionsOnly: boolean,
];

const LIST_WHERE = `WHERE ${regionScopeOrAllSql('g.path', '$1')}
        AND ($2::uuid IS NULL OR a.enterprise_id = $2)
        AND ($3::text IS NULL OR a.status = $3)
        AND ($4::uuid IS NULL OR a.enterprise_id = $4)
        AND (NOT $5::boolean OR NOT a.eligible OR a.position_level = 'below_deputy')`;

export const countAppointments = defineQuery<ListParams, { total: number }>(
  'registry.appointments.count',
  `SELECT count(*)::int AS total FROM cqo_appointments a JOIN ${PUBLIC_ENTERPRISES} e ON e.id = a.enterprise_id JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id ${LIST_WHERE}`,
);

export const listAppointments = defineQuery<[...ListParams, limit: number, offset: number], AppointmentRow>(
  'registry.appointments.list',
  `${VIEW_SELECT} ${LIST_WHERE} ORDER BY a.appointed_on DESC, a.id LIMIT $6 OFFSET $7`,
);

export const appointmentKeys = defineQuery<
  [id: string],
  { trainee_id: string; enterprise_id: string; status: AppointmentStatus; appointed_on: string }
>('registry.appointments.keys', 'SELECT trainee_id, enterprise_id, status, appointed_on::text FROM cqo_appointments WHERE id = $1');

/** What a renewal carries over from the appointment it renews. */
export const renewalSource = defineQuery<
  [id: string],
  {
    term_ends_on: string;
    status: string;
    end_reason: string | null;
    position_title: string;
    position_level: PositionLevel;
    position_exception_reason: string | null;
    term_years: number;
    renewed: boolean;
  }
>(
  'registry.appointments.renewalSource',
  `SELECT a.term_ends_on::text, a.status, a.end_reason, a.position_title, a.position_level, a.position_exception_reason, a.term_years,
              EXISTS (SELECT 1 FROM cqo_appointments n WHERE n.renewal_of = a.id) AS renewed
         FROM cqo_appointments a WHERE a.id = $1`,
);

/** The old term ends on its last day when renewed; the status changes now so the new term is the serving one. */
export const endForRenewal = defineQuery<[id: string, endedBy: string, at: Date], { id: string }>(
  'registry.appointments.endForRenewal',
  `UPDATE cqo_appointments SET status = 'ended', ended_on = term_ends_on, end_reason = 'renewed', ended_by = $2, updated_at = $3
            WHERE id = $1 AND status = 'serving' RETURNING id`,
);

export const endAppointment = defineQuery<
  [id: string, endedOn: string, reason: string, note: string | null, endedBy: string, at: Date],
  { id: string }
>(
  'registry.appointments.end',
  `UPDATE cqo_appointments SET status = 'ended', ended_on = $2, end_reason = $3, end_note = $4, ended_by = $5, updated_at = $6
          WHERE id = $1 AND status = 'serving' RETURNING id`,
);

export const expireDueAppointments = defineQuery<[today: string, at: Date], { id: string; trainee_id: string; enterprise_id: string }>(
  'registry.appointments.expireDue',
  `UPDATE cqo_appointments
            SET status = 'ended', ended_on = term_ends_on, end_reason = 'term_expired', ended_by = NULL, updated_at = $2
          WHERE status = 'serving' AND term_ends_on < $1::date
          RETURNING id, trainee_id, enterprise_id`,
);

export const unusedBackdateApproval = defineQuery<[enterpriseId: string, traineeId: string, appointedOn: string], { id: string }>(
  'registry.appointments.unusedBackdateApproval',
  `SELECT id FROM appointment_backdate_approvals
          WHERE enterprise_id = $1 AND trainee_id = $2 AND appointed_on = $3 AND used_by_appointment_id IS NULL
          ORDER BY approved_at DESC LIMIT 1`,
);

export const useBackdateApproval = defineQuery<[approvalId: string, appointmentId: string], { id: string }>(
  'registry.appointments.useBackdateApproval',
  'UPDATE appointment_backdate_approvals SET used_by_appointment_id = $2 WHERE id = $1 AND used_by_appointment_id IS NULL RETURNING id',
);

export const insertBackdateApproval = defineQuery<
  [enterpriseId: string, traineeId: string, appointedOn: string, reason: string, approvedBy: string, approvedAt: Date],
  { id: string }
>(
  'registry.appointments.insertBackdateApproval',
  `INSERT INTO appointment_backdate_approvals (enterprise_id, trainee_id, appointed_on, reason, approved_by, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
);

export const accountWithRole = defineQuery<[userId: string, role: string], { '?column?': number }>(
  'registry.appointments.accountWithRole',
  `SELECT 1 FROM ${PUBLIC_USER_ACCOUNTS} u WHERE id = $1 AND role = $2`,
);

// The appointment checks (appointment-checks.ts).

export const latestDeclaration = defineQuery<
  [traineeId: string, enterpriseId: string],
  { id: string; answers: Record<DeclarationItem, boolean> }
>(
  'registry.checks.latestDeclaration',
  `SELECT id, answers FROM cqo_declarations WHERE trainee_id = $1 AND enterprise_id = $2
      ORDER BY declared_on DESC, created_at DESC, id LIMIT 1`,
);

export const servingOfTraineeOrEnterprise = defineQuery<
  [traineeId: string, enterpriseId: string],
  { trainee_id: string; enterprise_id: string }
>(
  'registry.checks.serving',
  `SELECT trainee_id, enterprise_id FROM cqo_appointments WHERE status = 'serving' AND (trainee_id = $1 OR enterprise_id = $2)`,
);

export const openDisqualifyingFlags = defineQuery<[traineeId: string], { c: string }>(
  'registry.checks.openDisqualifyingFlags',
  `SELECT DISTINCT disqualifying_circumstance AS c FROM cqo_flags
      WHERE trainee_id = $1 AND cleared_at IS NULL AND disqualifying_circumstance IS NOT NULL ORDER BY 1`,
);

export const lastTermYears = defineQuery<[traineeId: string, excludeId: string | null], { from_year: number; to_year: number }>(
  'registry.checks.lastTermYears',
  `SELECT extract(year FROM appointed_on)::int AS from_year,
            extract(year FROM LEAST(COALESCE(ended_on, term_ends_on), term_ends_on))::int AS to_year
       FROM cqo_appointments WHERE trainee_id = $1 AND ($2::uuid IS NULL OR id <> $2)
      ORDER BY appointed_on DESC, created_at DESC LIMIT 1`,
);

/** Closed years with a final yearly shortfall (the compliance engine's statuses). */
export const finalShortfallYears = defineQuery<[traineeId: string, fromYear: number, toYear: number], { year: number }>(
  'registry.checks.finalShortfallYears',
  `SELECT DISTINCT s.period_year AS year FROM ${PUBLIC_COMPLIANCE_STATUSES} s
       JOIN ${PUBLIC_REQUIREMENT_RULES} r ON r.id = s.rule_id AND r.period = 'calendar_year'
      WHERE s.trainee_id = $1 AND s.period_year BETWEEN $2 AND $3 AND s.final AND s.state = 'shortfall'
      ORDER BY 1`,
);

// Term reminders (TermRemindersService).

export const termsEndingSoon = defineQuery<
  [today: string, horizonDays: number],
  { id: string; trainee_id: string; enterprise_id: string; term_ends_on: string; full_name: string; enterprise_name: string }
>(
  'registry.reminders.termsEndingSoon',
  `SELECT a.id, a.trainee_id, a.enterprise_id, a.term_ends_on::text, p.full_name, e.name AS enterprise_name
           FROM cqo_appointments a
           JOIN ${PUBLIC_TRAINEES} p ON p.user_id = a.trainee_id
           JOIN ${PUBLIC_ENTERPRISES} e ON e.id = a.enterprise_id
          WHERE a.status = 'serving' AND a.term_ends_on >= $1::date AND a.term_ends_on <= $1::date + $2::int
          ORDER BY a.term_ends_on, a.id`,
);

export const activeEnterpriseAdmins = defineQuery<[enterpriseId: string], { id: string }>(
  'registry.reminders.activeEnterpriseAdmins',
  `SELECT id FROM ${PUBLIC_USER_ACCOUNTS} u WHERE role = 'enterprise_admin' AND enterprise_id = $1 AND status = 'active' ORDER BY id`,
);
