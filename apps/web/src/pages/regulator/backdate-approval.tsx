import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Field, FormError } from '../../ui/kit';

/**
 * The regulator approves an appointment date older than the registration window for this person
 * at this enterprise, with the reason (audited; the enterprise may then register it once).
 */
export function BackdateApproval({ traineeId, enterpriseId }: { traineeId: string; enterpriseId: string }) {
  const { t } = useI18n();
  const [appointedOn, setAppointedOn] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (
      await act.run(() =>
        ok(typedApi.POST('/regulators/appointment-backdate-approvals', { body: { traineeId, enterpriseId, appointedOn, reason } })),
      )
    )
      setDone(true);
  };
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2 className="field-wide">{t('backdate.title')}</h2>
      <p className="muted small field-wide">{t('backdate.help')}</p>
      <Field label={t('backdate.appointedOn')} error={act.error?.fieldMessage('appointedOn')}>
        {(id, d) => <input id={id} aria-describedby={d} type="date" value={appointedOn} onChange={(e) => setAppointedOn(e.target.value)} />}
      </Field>
      <Field label={t('backdate.reason')} error={act.error?.fieldMessage('reason')} wide>
        {(id, d) => <textarea id={id} aria-describedby={d} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="field-wide">
        <FormError error={act.error} shownFields={['appointedOn', 'reason']} />
        {done && (
          <p className="alert alert-ok" role="status">
            {t('backdate.done', { date: appointedOn })}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={act.busy}>
          {t('backdate.approve')}
        </button>
      </div>
    </form>
  );
}
