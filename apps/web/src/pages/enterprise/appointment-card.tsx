import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { Appointment, EligibilityResult } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Badge, Field, FormError } from '../../ui/kit';

/** `onRenewed` (the enterprise's own list) offers 续聘 on a serving or expired, unrenewed term. */
export function AppointmentCard({ appointment: a, onRenewed }: { appointment: Appointment; onRenewed?: () => void }) {
  const { t } = useI18n();
  const renewable = onRenewed && (a.termState === 'expired_unrenewed' || (a.status === 'serving' && a.termState === 'serving'));
  return (
    <div className="appointment">
      <div className="enrollment-head">
        <strong>
          {a.fullName} · {a.positionTitle}
        </strong>
        <span>
          {a.exceptionFlagged && <Badge tone="warn">{t('dash.exception')}</Badge>}{' '}
          {a.termState === 'expired_unrenewed' && <Badge tone="bad">{t('term.expiredUnrenewed')}</Badge>}
          {a.termState === 'renewed' && <Badge tone="info">{t('term.renewed')}</Badge>}
          {a.termState === 'future' && <Badge tone="info">{t('term.future')}</Badge>}
          {a.renewalOf && <Badge tone="info">{t('term.renewal')}</Badge>}{' '}
          {a.termState !== 'future' && (
            <Badge tone={a.status === 'serving' ? 'ok' : 'muted'}>
              {a.status === 'serving' ? t('appoint.serving') : (a.endReasonLabel ?? t('appoint.ended'))}
            </Badge>
          )}
        </span>
      </div>
      <p className="muted small">
        {a.enterpriseName} · {a.positionLevelLabel} · {t('appoint.term', { from: a.appointedOn, to: a.termEndsOn, years: a.termYears })} ·{' '}
        {t('appoint.authNo', { no: a.authorizationCertificateNo })}
      </p>
      {a.eligibilityExceptionReason && <p className="small">{t('appoint.exceptionReason', { reason: a.eligibilityExceptionReason })}</p>}
      <details>
        <summary>{t('appoint.checkAtAppointment')}</summary>
        <EligibilityTable result={a.eligibility} />
      </details>
      {renewable && <RenewForm appointment={a} onRenewed={onRenewed} />}
    </div>
  );
}

/** 续聘: the next term starts the day after this one ends (today, for an expired term). */
function RenewForm({ appointment: a, onRenewed }: { appointment: Appointment; onRenewed(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(a.termState === 'expired_unrenewed');
  const [no, setNo] = useState('');
  const [years, setYears] = useState(String(a.termYears));
  const renew = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { authorizationCertificateNo: no, termYears: Number(years) || undefined };
    if (await renew.run(() => ok(typedApi.POST('/registry/appointments/{id}/renew', { params: { path: { id: a.id } }, body }))))
      onRenewed();
  };
  if (!open) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {t('term.renew')}
      </button>
    );
  }
  return (
    <form className="form-grid renew" onSubmit={submit} noValidate aria-label={t('term.renewOf', { name: a.fullName })}>
      <Field label={t('term.newAuthNo')} error={renew.error?.fieldMessage('authorizationCertificateNo')}>
        {(id, d) => <input id={id} aria-describedby={d} value={no} onChange={(e) => setNo(e.target.value)} />}
      </Field>
      <Field label={t('term.years')} error={renew.error?.fieldMessage('termYears')}>
        {(id, d) => (
          <input id={id} aria-describedby={d} type="number" min={1} max={5} value={years} onChange={(e) => setYears(e.target.value)} />
        )}
      </Field>
      <div className="field-wide">
        <FormError error={renew.error} shownFields={['authorizationCertificateNo', 'termYears']} />
        <button type="submit" className="btn btn-primary" disabled={renew.busy}>
          {t('term.renewSubmit')}
        </button>
      </div>
    </form>
  );
}

/** The eligibility check's answer, condition by condition, as the notice lists them. */
export function EligibilityTable({ result }: { result: EligibilityResult }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="cards-on-phone">
        <caption>
          {result.eligible ? <Badge tone="ok">{t('appoint.eligible')}</Badge> : <Badge tone="bad">{t('appoint.notEligible')}</Badge>}{' '}
          {t('appoint.checkedOn', { date: result.checkedOn })}
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
              <td className="wrap" data-label={t('appoint.condition')}>
                {c.requirement}
              </td>
              <td className="wrap" data-label={t('appoint.actual')}>
                {c.actual}
              </td>
              <td className="wrap" data-label={t('appoint.result')}>
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
