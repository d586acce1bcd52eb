import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { CqoStatus } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Badge, Field, FormError, PageTitle, Table } from '../../ui/kit';

type Kind = 'id_number' | 'name_enterprise' | 'certificate_serial';

/** Status lookup: by full ID number (sent in the POST body, never in a URL), by name and enterprise, or by certificate serial. */
export function LookupPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('id_number');
  const [form, setForm] = useState({ idNumber: '', fullName: '', enterpriseName: '', serial: '' });
  const [matches, setMatches] = useState<CqoStatus[]>();
  const { busy, error, run } = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMatches(undefined);
    const body =
      kind === 'id_number'
        ? { kind, idNumber: form.idNumber.trim() }
        : kind === 'name_enterprise'
          ? { kind, fullName: form.fullName.trim(), enterpriseName: form.enterpriseName.trim() }
          : { kind, serial: form.serial.trim() };
    const answer = await run(() => ok(typedApi.POST('/regulators/lookups', { body })));
    if (answer) setMatches(answer.matches);
  };

  return (
    <>
      <PageTitle title={t('lookup.title')} />
      <form className="card" onSubmit={submit} noValidate>
        <fieldset className="radios">
          <legend>{t('lookup.by')}</legend>
          {(['id_number', 'name_enterprise', 'certificate_serial'] as Kind[]).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`lookup.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'id_number' && (
          <Field label={t('lookup.idNumber')} hint={t('lookup.idHint')} error={error?.fieldMessage('idNumber')}>
            {(id, d) => (
              <input id={id} aria-describedby={d} value={form.idNumber} onChange={set('idNumber')} autoComplete="off" inputMode="text" />
            )}
          </Field>
        )}
        {kind === 'name_enterprise' && (
          <div className="form-grid">
            <Field label={t('lookup.fullName')} error={error?.fieldMessage('fullName')}>
              {(id, d) => <input id={id} aria-describedby={d} value={form.fullName} onChange={set('fullName')} />}
            </Field>
            <Field label={t('lookup.enterpriseName')} error={error?.fieldMessage('enterpriseName')}>
              {(id, d) => <input id={id} aria-describedby={d} value={form.enterpriseName} onChange={set('enterpriseName')} />}
            </Field>
          </div>
        )}
        {kind === 'certificate_serial' && (
          <Field label={t('cert.serial')} error={error?.fieldMessage('serial')}>
            {(id, d) => <input id={id} aria-describedby={d} value={form.serial} onChange={set('serial')} autoComplete="off" />}
          </Field>
        )}
        <FormError error={error} shownFields={['idNumber', 'fullName', 'enterpriseName', 'serial']} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.working') : t('common.search')}
        </button>
      </form>
      {matches && (
        <section className="card" aria-live="polite">
          <h2>{t('lookup.results', { n: matches.length })}</h2>
          <Table head={[t('lookup.fullName'), t('lookup.idMasked'), t('dash.enterprise'), t('lookup.serving'), t('lookup.training')]}>
            {matches.map((m) => (
              <tr key={m.traineeId}>
                <td>
                  <Link to={`/regulator/cqos/${m.traineeId}`}>{m.fullName}</Link>
                </td>
                <td className="mono">{m.idNumberMasked}</td>
                <td>{m.enterpriseName ?? '—'}</td>
                <td>{m.serving ? <Badge tone="ok">{t('lookup.servingYes')}</Badge> : <Badge>{t('lookup.servingNo')}</Badge>}</td>
                <td>
                  {t('lookup.trainingHours', { n: Number(m.appointmentTraining.hours), of: Number(m.appointmentTraining.requiredHours) })}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </>
  );
}
