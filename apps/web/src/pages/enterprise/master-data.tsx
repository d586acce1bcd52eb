import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { AwardStanding, EnterpriseMasterData } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle } from '../../ui/kit';
import type { FactField } from '../shared/master-data';
import { AWARD_FIELDS, EnterpriseFacts, FACT_FIELDS, MasterHistory, useFactText } from '../shared/master-data';

const STANDINGS: AwardStanding[] = ['none', 'nominated', 'awarded'];

/**
 * The enterprise's target facts as the regulator's official lists give them: read-only here. A
 * wrong fact is corrected by asking the city, which approves or rejects with a reason.
 */
export function MasterDataPage() {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const enterprise = useLoad(
    () => ok(typedApi.GET('/enterprises/{id}', { params: { path: { id: String(me.enterpriseId) } } })),
    [me.enterpriseId],
  );
  const history = useLoad(
    () => ok(typedApi.GET('/enterprises/{id}/history', { params: { path: { id: String(me.enterpriseId) } } })),
    [me.enterpriseId],
  );
  const corrections = useLoad(() => ok(typedApi.GET('/enterprise-corrections', { params: { query: { pageSize: 20 } } })), []);
  const text = useFactText();
  const e = enterprise.data;
  return (
    <>
      <PageTitle title={t('md.enterpriseTitle')} />
      <ErrorBox error={enterprise.error} />
      {!e ? (
        <Loading />
      ) : (
        <section className="card">
          <h2>{e.name}</h2>
          <p className="muted small">{t('md.readOnly')}</p>
          <EnterpriseFacts enterprise={e} />
        </section>
      )}
      {e && <CorrectionForm enterprise={e} onDone={corrections.reload} />}
      <section className="card">
        <h2>{t('md.myCorrections')}</h2>
        <ErrorBox error={corrections.error} />
        {!corrections.data ? (
          <Loading />
        ) : corrections.data.items.length === 0 ? (
          <Empty>{t('md.noCorrections')}</Empty>
        ) : (
          <ul className="stack">
            {corrections.data.items.map((c) => (
              <li key={c.id} className="report-row">
                <Badge tone={c.status === 'approved' ? 'ok' : c.status === 'rejected' ? 'bad' : 'info'}>
                  {label('md.status.', c.status)}
                </Badge>{' '}
                {Object.keys(c.changes)
                  .filter((k) => !k.endsWith('Year'))
                  .map((k) => `${label('md.field.', k)} → ${text(c.changes, k)}`)
                  .join('；')}
                <span className="muted small">
                  {' '}
                  · {dateTime(c.requestedAt)} · {c.reason}
                  {c.decisionNote ? ` · ${t('md.decisionNote')}：${c.decisionNote}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('md.history')}</h2>
        <ErrorBox error={history.error} />
        {!history.data ? <Loading /> : history.data.length === 0 ? <Empty /> : <MasterHistory versions={history.data} />}
      </section>
    </>
  );
}

/** Asks the city to change one fact (with the reason and, for an award, its year). */
function CorrectionForm({ enterprise, onDone }: { enterprise: EnterpriseMasterData; onDone(): void }) {
  const { t, label } = useI18n();
  const [field, setField] = useState<FactField>('stateOwned');
  const [value, setValue] = useState('true');
  const [year, setYear] = useState('');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const send = useAction();
  const award = (AWARD_FIELDS as readonly string[]).includes(field);
  const fe = (f: string) => send.error?.fieldMessage(f);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setSent(false);
    const changes: Record<string, unknown> = award
      ? { [field]: value, [`${field}Year`]: value === 'none' ? null : Number(year) || null }
      : { [field]: value === 'true' };
    if (await send.run(() => ok(typedApi.POST('/enterprise-corrections', { body: { changes, reason } })))) {
      setSent(true);
      setReason('');
      onDone();
    }
  };
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2 className="field-wide">{t('md.requestCorrection')}</h2>
      <Field label={t('md.whichFact')} error={fe(`changes.${field}`)}>
        {(id, d) => (
          <select
            id={id}
            aria-describedby={d}
            value={field}
            onChange={(e) => {
              const next = e.target.value as FactField;
              setField(next);
              setValue(
                (AWARD_FIELDS as readonly string[]).includes(next)
                  ? String((enterprise as unknown as Record<string, unknown>)[next])
                  : 'true',
              );
            }}
          >
            {FACT_FIELDS.map((f) => (
              <option key={f} value={f}>
                {label('md.field.', f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('md.correctValue')}>
        {(id, d) => (
          <select id={id} aria-describedby={d} value={value} onChange={(e) => setValue(e.target.value)}>
            {award
              ? STANDINGS.map((s) => (
                  <option key={s} value={s}>
                    {label('award.', s)}
                  </option>
                ))
              : [
                  <option key="true" value="true">
                    {t('common.yes')}
                  </option>,
                  <option key="false" value="false">
                    {t('common.no')}
                  </option>,
                ]}
          </select>
        )}
      </Field>
      {award && value !== 'none' && (
        <Field label={t('md.awardYear')} error={fe(`changes.${field}Year`)}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" value={year} onChange={(e) => setYear(e.target.value)} />}
        </Field>
      )}
      <Field label={t('md.reason')} error={fe('reason')} wide>
        {(id, d) => <textarea id={id} aria-describedby={d} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="field-wide">
        <FormError error={send.error} shownFields={['reason', 'changes']} />
        {sent && (
          <p className="alert alert-ok" role="status">
            {t('md.correctionSent')}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={send.busy}>
          {t('md.sendCorrection')}
        </button>
      </div>
    </form>
  );
}
