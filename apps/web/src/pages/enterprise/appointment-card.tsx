import type { Appointment, EligibilityResult } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { Badge } from '../../ui/kit';

export function AppointmentCard({ appointment: a }: { appointment: Appointment }) {
  const { t } = useI18n();
  return (
    <div className="appointment">
      <div className="enrollment-head">
        <strong>
          {a.fullName} · {a.positionTitle}
        </strong>
        <span>
          {a.exceptionFlagged && <Badge tone="warn">{t('dash.exception')}</Badge>} <Badge tone={a.status === 'serving' ? 'ok' : 'muted'}>{a.status === 'serving' ? t('appoint.serving') : a.endReasonLabel ?? t('appoint.ended')}</Badge>
        </span>
      </div>
      <p className="muted small">
        {a.enterpriseName} · {a.positionLevelLabel} · {t('appoint.term', { from: a.appointedOn, to: a.termEndsOn, years: a.termYears })} · {t('appoint.authNo', { no: a.authorizationCertificateNo })}
      </p>
      {a.eligibilityExceptionReason && <p className="small">{t('appoint.exceptionReason', { reason: a.eligibilityExceptionReason })}</p>}
      <details>
        <summary>{t('appoint.checkAtAppointment')}</summary>
        <EligibilityTable result={a.eligibility} />
      </details>
    </div>
  );
}

/** The eligibility check's answer, condition by condition, as the notice lists them. */
export function EligibilityTable({ result }: { result: EligibilityResult }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {result.eligible ? <Badge tone="ok">{t('appoint.eligible')}</Badge> : <Badge tone="bad">{t('appoint.notEligible')}</Badge>} {t('appoint.checkedOn', { date: result.checkedOn })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('appoint.condition')}</th>
            <th scope="col">{t('appoint.actual')}</th>
            <th scope="col">{t('appoint.result')}</th>
          </tr>
        </thead>
        <tbody>
          {result.conditions.map((c) => (
            <tr key={c.code} data-met={c.met}>
              <td className="wrap">{c.requirement}</td>
              <td className="wrap">{c.actual}</td>
              <td className="wrap">
                {c.met ? <Badge tone="ok">✓ {t('appoint.met')}</Badge> : <Badge tone="bad">✗ {t('appoint.unmet')}</Badge>}
                {c.message && <div className="small field-error">{c.message}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
