import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { EligibilityAnswer, PositionLevel } from '../../api/registry-types';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager } from '../../ui/kit';
import { AppointmentCard, EligibilityTable } from './appointment-card';

const LEVELS: PositionLevel[] = ['general_manager', 'deputy_general_manager', 'equivalent_senior', 'below_deputy'];
/** The notice's five 不得担任 circumstances: the candidate's declaration is recorded before the appointment. */
const DECLARATION_ITEMS = ['serious_quality_violation', 'improper_gain', 'abuse_of_office', 'leaked_secrets', 'other_harm'] as const;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The enterprise's CQO: check a candidate condition by condition, register the appointment, see the history. */
export function AppointmentsPage() {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => ok(typedApi.GET('/registry/appointments', { params: { query: { page, pageSize: 10 } } })), [page]);
  const [candidate, setCandidate] = useState({ username: '', idNumber: '' });
  const [answer, setAnswer] = useState<EligibilityAnswer>();
  const check = useAction();
  const [form, setForm] = useState({
    positionTitle: '',
    positionLevel: 'deputy_general_manager' as PositionLevel,
    positionExceptionReason: '',
    authorizationCertificateNo: '',
    appointedOn: '',
    termYears: '',
    eligibilityExceptionReason: '',
  });
  const appoint = useAction();
  const [done, setDone] = useState(false);
  const [applies, setApplies] = useState<Record<string, boolean>>({});
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const who = () => (candidate.idNumber.trim() ? { idNumber: candidate.idNumber.trim() } : { username: candidate.username.trim() });

  const runCheck = async (e: FormEvent) => {
    e.preventDefault();
    setAnswer(undefined);
    setDone(false);
    const r = await check.run(() => ok(typedApi.POST('/registry/eligibility-checks', { body: { trainee: who() } })));
    if (r) setAnswer(r);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await appoint.run(async () => {
      // The declaration first (required to appoint; a "yes" makes the appointment a 409 naming it).
      await ok(
        typedApi.POST('/registry/declarations', {
          body: {
            trainee: who(),
            declaredOn: today(),
            answers: Object.fromEntries(DECLARATION_ITEMS.map((i) => [i, applies[i] === true])) as Record<
              (typeof DECLARATION_ITEMS)[number],
              boolean
            >,
          },
        }),
      );
      return ok(
        typedApi.POST('/registry/appointments', {
          body: {
            trainee: who(),
            positionTitle: form.positionTitle,
            positionLevel: form.positionLevel,
            positionExceptionReason: form.positionLevel === 'below_deputy' ? form.positionExceptionReason || undefined : undefined,
            authorizationCertificateNo: form.authorizationCertificateNo,
            appointedOn: form.appointedOn,
            termYears: form.termYears ? Number(form.termYears) : undefined,
            eligibilityExceptionReason: answer && !answer.result.eligible ? form.eligibilityExceptionReason || undefined : undefined,
          },
        }),
      );
    });
    if (r) {
      setDone(true);
      setAnswer(undefined);
      list.reload();
    }
  };
  const fe = (f: string) => appoint.error?.fieldMessage(f);

  return (
    <>
      <PageTitle title={t('appoint.title')} />
      <section className="card">
        <h2>{t('appoint.step1')}</h2>
        <p className="muted small">{t('appoint.step1Text')}</p>
        <form onSubmit={runCheck} noValidate className="form-grid">
          <Field label={t('appoint.username')} error={check.error?.fieldMessage('trainee.username')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                value={candidate.username}
                onChange={(e) => setCandidate({ ...candidate, username: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('lookup.idNumber')} error={check.error?.fieldMessage('trainee.idNumber')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                value={candidate.idNumber}
                onChange={(e) => setCandidate({ ...candidate, idNumber: e.target.value })}
                autoComplete="off"
              />
            )}
          </Field>
          <div className="field-wide">
            <FormError error={check.error} shownFields={['trainee.username', 'trainee.idNumber']} />
            <button type="submit" className="btn btn-primary" disabled={check.busy}>
              {t('appoint.check')}
            </button>
          </div>
        </form>
        {done && (
          <p className="alert alert-ok" role="status">
            {t('appoint.done')}
          </p>
        )}
      </section>
      {answer && (
        <section className="card" aria-live="polite">
          <h2>
            {t('appoint.answerFor', { name: answer.candidate.fullName })}{' '}
            <span className="muted small mono">{answer.candidate.idNumberMasked}</span>
          </h2>
          {answer.obstacles.length > 0 && (
            <div className="alert alert-error" role="alert" data-testid="appointment-obstacles">
              <p>{t('appoint.obstacles')}</p>
              <ul>
                {answer.obstacles.map((o) => (
                  <li key={o.code}>{o.message}</li>
                ))}
              </ul>
            </div>
          )}
          <EligibilityTable result={answer.result} />
          {answer.obstacles.length === 0 && (
            <>
              <h2 className="spaced">{t('appoint.step2')}</h2>
              <form onSubmit={submit} noValidate className="form-grid">
                <Field label={t('appoint.positionTitle')} error={fe('positionTitle')}>
                  {(id, d) => <input id={id} aria-describedby={d} value={form.positionTitle} onChange={set('positionTitle')} />}
                </Field>
                <Field label={t('appoint.positionLevel')} error={fe('positionLevel')}>
                  {(id, d) => (
                    <select id={id} aria-describedby={d} value={form.positionLevel} onChange={set('positionLevel')}>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {label('level.', l)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {form.positionLevel === 'below_deputy' && (
                  <Field label={t('appoint.positionException')} error={fe('positionExceptionReason')} wide>
                    {(id, d) => (
                      <input id={id} aria-describedby={d} value={form.positionExceptionReason} onChange={set('positionExceptionReason')} />
                    )}
                  </Field>
                )}
                <Field label={t('appoint.authorizationNo')} error={fe('authorizationCertificateNo')}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      value={form.authorizationCertificateNo}
                      onChange={set('authorizationCertificateNo')}
                    />
                  )}
                </Field>
                <Field label={t('appoint.appointedOn')} error={fe('appointedOn')}>
                  {(id, d) => <input id={id} aria-describedby={d} type="date" value={form.appointedOn} onChange={set('appointedOn')} />}
                </Field>
                <Field label={t('appoint.termYears')} hint={t('appoint.termHint')} error={fe('termYears')}>
                  {(id, d) => (
                    <input id={id} aria-describedby={d} type="number" min={1} max={10} value={form.termYears} onChange={set('termYears')} />
                  )}
                </Field>
                {!answer.result.eligible && (
                  <Field
                    label={t('appoint.eligibilityException')}
                    hint={t('appoint.eligibilityExceptionHint')}
                    error={fe('eligibilityExceptionReason')}
                    wide
                  >
                    {(id, d) => (
                      <textarea
                        id={id}
                        aria-describedby={d}
                        value={form.eligibilityExceptionReason}
                        onChange={set('eligibilityExceptionReason')}
                      />
                    )}
                  </Field>
                )}
                <fieldset className="field-wide declaration">
                  <legend>{t('decl.title')}</legend>
                  <p className="muted small">{t('decl.help')}</p>
                  {DECLARATION_ITEMS.map((item) => (
                    <div key={item} className="field field-check">
                      <input
                        id={`decl-${item}`}
                        type="checkbox"
                        checked={applies[item] === true}
                        onChange={(e) => setApplies({ ...applies, [item]: e.target.checked })}
                      />
                      <label htmlFor={`decl-${item}`}>{label('decl.', item)}</label>
                    </div>
                  ))}
                </fieldset>
                <div className="field-wide">
                  <FormError
                    error={appoint.error}
                    shownFields={[
                      'positionTitle',
                      'positionLevel',
                      'positionExceptionReason',
                      'authorizationCertificateNo',
                      'appointedOn',
                      'termYears',
                      'eligibilityExceptionReason',
                    ]}
                  />
                  <button type="submit" className="btn btn-primary" disabled={appoint.busy}>
                    {t('appoint.submit')}
                  </button>
                </div>
              </form>
            </>
          )}
        </section>
      )}
      <section className="card">
        <h2>{t('appoint.history')}</h2>
        <ErrorBox error={list.error} />
        {!list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <Empty>{t('appoint.none')}</Empty>
        ) : (
          list.data.items.map((a) => <AppointmentCard key={a.id} appointment={a} onRenewed={list.reload} />)
        )}
        {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
