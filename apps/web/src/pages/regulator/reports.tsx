import { useState } from 'react';
import { choice, download, ok, typedApi } from '../../api/client';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

/** Enterprises' yearly written reports in the region; the bureau signs for each. */
export function ReportsPage() {
  const { t, dateTime } = useI18n();
  const [year, setYear] = useState(chinaYear());
  const [status, setStatus] = useState('filed');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/registry/yearly-reports', {
          params: { query: { year, status: choice<'filed' | 'acknowledged'>(status), page, pageSize: 10 } },
        }),
      ),
    [year, status, page],
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const ack = useAction();
  const dl = useAction();
  // The acknowledged report leaves the "filed" list: say so, naming it, so it does not just vanish.
  const [done, setDone] = useState<string>();
  return (
    <>
      <PageTitle title={t('reports.title')} />
      <div className="filters card">
        <div className="field">
          <label htmlFor="rp-year">{t('hours.year')}</label>
          <select id="rp-year" value={year} onChange={(e) => (setYear(Number(e.target.value)), setPage(1))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rp-status">{t('common.status')}</label>
          <select id="rp-status" value={status} onChange={(e) => (setStatus(e.target.value), setPage(1))}>
            <option value="">{t('common.all')}</option>
            <option value="filed">{t('reports.filed')}</option>
            <option value="acknowledged">{t('reports.acknowledged')}</option>
          </select>
        </div>
      </div>
      {done && (
        <div className="alert alert-ok" role="status">
          {t('reports.acknowledgedNotice', { name: done })}
        </div>
      )}
      <FormError error={ack.error ?? dl.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('reports.none')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((r) => (
            <li key={r.id} className="card">
              <div className="enrollment-head">
                <h2>
                  {r.enterpriseName} · {t('reports.yearOf', { year: r.year })}
                </h2>
                <span>
                  {r.filedLate && <Badge tone="warn">{t('reports.late')}</Badge>}{' '}
                  {r.cqoMismatch && <Badge tone="bad">{t('reports.mismatch')}</Badge>}{' '}
                  <Badge tone={r.status === 'acknowledged' ? 'ok' : 'info'}>
                    {r.status === 'acknowledged' ? t('reports.acknowledged') : t('reports.filed')}
                  </Badge>
                </span>
              </div>
              <dl className="facts facts-inline">
                <dt>{t('reports.cqoInPlace')}</dt>
                <dd>{r.cqoInPlace ? t('common.yes') : t('common.no')}</dd>
                <dt>{t('reports.appraisal')}</dt>
                <dd>{r.appraisalResultLabel}</dd>
                <dt>{t('reports.incidents')}</dt>
                <dd>{r.majorQualityIncidents}</dd>
                <dt>{t('reports.filedAt')}</dt>
                <dd>{dateTime(r.filedAt)}</dd>
                {r.dueOn && (
                  <>
                    <dt>{t('reports.due')}</dt>
                    <dd>{r.dueOn}</dd>
                  </>
                )}
                {r.registryCqoInPlace !== undefined && r.registryCqoInPlace !== null && (
                  <>
                    <dt>{t('reports.registrySays')}</dt>
                    <dd>{r.registryCqoInPlace ? t('common.yes') : t('common.no')}</dd>
                  </>
                )}
              </dl>
              <p className="pre">{r.summary}</p>
              <div className="row-actions">
                <button
                  type="button"
                  className="btn"
                  disabled={dl.busy}
                  onClick={() => dl.run(() => download(`/registry/yearly-reports/${r.id}/file`, r.fileName))}
                >
                  {t('reports.download', { name: r.fileName })}
                </button>
              </div>
              {r.status === 'filed' ? (
                <div className="ack">
                  <Field label={t('reports.note')}>
                    {(id) => <input id={id} value={notes[r.id] ?? ''} onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })} />}
                  </Field>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={ack.busy}
                    onClick={async () => {
                      setDone(undefined);
                      if (
                        await ack.run(() =>
                          ok(
                            typedApi.POST('/registry/yearly-reports/{id}/acknowledge', {
                              params: { path: { id: r.id } },
                              body: { note: notes[r.id] || null },
                            }),
                          ),
                        )
                      ) {
                        setDone(`${r.enterpriseName} ${r.year}`);
                        list.reload();
                      }
                    }}
                  >
                    {t('reports.acknowledge')}
                  </button>
                </div>
              ) : (
                <p className="muted small">
                  {t('reports.acknowledgedAt', { at: dateTime(r.acknowledgedAt), note: r.acknowledgementNote ?? '' })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
      <NonFilers year={year} />
    </>
  );
}

/** Enterprises on the lists that have not filed the year's report, with the due date; one button reminds them all. */
function NonFilers({ year }: { year: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => ok(typedApi.GET('/registry/yearly-reports/non-filers', { params: { query: { year, page, pageSize: 20 } } })),
    [year, page],
  );
  const remind = useAction();
  const [sent, setSent] = useState<{ enterprises: number; notified: number }>();
  return (
    <section className="card" aria-labelledby="nf-h">
      <h2 id="nf-h">{t('reports.nonFilers', { year })}</h2>
      <ErrorBox error={list.error} />
      <FormError error={remind.error} />
      {sent && (
        <p className="alert alert-ok" role="status">
          {t('reports.reminded', { n: sent.enterprises, notified: sent.notified })}
        </p>
      )}
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('reports.noNonFilers')}</Empty>
      ) : (
        <>
          <Table head={[t('dash.enterprise'), t('md.creditCode'), t('dash.region'), t('reports.due')]}>
            {list.data.items.map((n) => (
              <tr key={n.enterpriseId}>
                <td className="wrap">{n.name}</td>
                <td className="mono">{n.creditCode}</td>
                <td>{n.regionName}</td>
                <td>
                  {n.dueOn} {n.overdue && <Badge tone="bad">{t('reports.overdue')}</Badge>}
                </td>
              </tr>
            ))}
          </Table>
          <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
          <button
            type="button"
            className="btn btn-primary"
            disabled={remind.busy}
            onClick={async () => {
              setSent(undefined);
              const r = await remind.run(() => ok(typedApi.POST('/registry/yearly-reports/non-filers/reminders', { body: { year } })));
              if (r) setSent(r);
            }}
          >
            {t('reports.remind')}
          </button>
        </>
      )}
    </section>
  );
}
