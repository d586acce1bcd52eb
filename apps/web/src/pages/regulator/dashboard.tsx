import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { RegionFigures } from '../../api/registry-types';

import { useI18n } from '../../i18n';
import { BarChart } from '../../ui/bar-chart';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, Table, toneOf } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Appointment and compliance rates of the regulator's region and the regions below it; a bar drills down. */
export function DashboardPage() {
  const { t, label, dateTime } = useI18n();
  const [year, setYear] = useState(chinaYear());
  // The target figures on a chosen date (default today), computed from history: "was it met on 2021-12-31?"
  const [asOf, setAsOf] = useState('');
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const regionId = trail.at(-1)?.id;
  const dash = useLoad(
    () => ok(typedApi.GET('/regulators/dashboard', { params: { query: { year, regionId, asOf: asOf || undefined } } })),
    [year, regionId, asOf],
  );
  // Asked about another date: today's verdict stays beside it.
  const todays = useLoad(
    () => (asOf ? ok(typedApi.GET('/regulators/dashboard', { params: { query: { year, regionId } } })) : Promise.resolve(undefined)),
    [year, regionId, asOf],
  );
  const todayVerdict = (code: string) => todays.data?.totals.targets.find((g) => g.code === code)?.verdict;
  const [page, setPage] = useState(1);
  const enterprises = useLoad(
    () => ok(typedApi.GET('/regulators/dashboard/enterprises', { params: { query: { year, regionId, page, pageSize: 10 } } })),
    [year, regionId, page],
  );
  const d = dash.data;
  const compliance = (r: RegionFigures) => r.compliance.find((c) => c.year === year) ?? r.compliance[0];
  const drill = (id: string) => {
    const child = d?.children.find((c) => c.regionId === id);
    if (child) {
      setTrail([...trail, { id: child.regionId, name: child.regionName }]);
      setPage(1);
    }
  };

  return (
    <>
      <PageTitle title={t('dash.title')}>
        <div className="field field-inline">
          <label htmlFor="dash-year">{t('hours.year')}</label>
          <select id="dash-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="dash-asof">{t('dash.asOfPick')}</label>
          <input id="dash-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
      </PageTitle>
      {trail.length > 0 && (
        <nav className="breadcrumbs" aria-label={t('dash.trail')}>
          <button type="button" className="btn-link" onClick={() => setTrail([])}>
            {t('dash.myRegion')}
          </button>
          {trail.map((r, i) => (
            <span key={r.id}>
              {' / '}
              {i === trail.length - 1 ? (
                <strong>{r.name}</strong>
              ) : (
                <button type="button" className="btn-link" onClick={() => setTrail(trail.slice(0, i + 1))}>
                  {r.name}
                </button>
              )}
            </span>
          ))}
        </nav>
      )}
      <ErrorBox error={dash.error} />
      {!d ? (
        <Loading />
      ) : (
        <>
          <h2 className="region-name">{d.totals.regionName}</h2>
          {d.figuresAsOf && <p className="muted small">{t('dash.figuresAsOf', { at: dateTime(d.figuresAsOf) })}</p>}
          <div className="kpis">
            <Kpi
              value={pct(d.totals.appointmentRate)}
              label={t('dash.appointmentRate', { n: d.totals.enterprisesWithCqo, of: d.totals.enterprises })}
            />
            <Kpi value={String(d.totals.servingCqos)} label={t('dash.servingCqos')} />
            <Kpi value={pct(compliance(d.totals)?.rate ?? null)} label={t('dash.complianceRate', { year })} />
            <Kpi value={String(d.totals.openFlags)} label={t('dash.openFlags')} />
            <Kpi value={String(d.totals.exceptionAppointments)} label={t('dash.exceptions')} />
            <Kpi value={String(d.totals.futureDatedAppointments)} label={t('dash.futureDated')} />
          </div>
          {d.totals.targets.length > 0 && (
            <section className="card">
              <h2>{t('dash.targets')}</h2>
              <p className="muted small">{t('dash.asOfNote', { date: d.asOf })}</p>
              <Table
                head={[
                  t('dash.target'),
                  t('dash.deadline'),
                  t('dash.appointed'),
                  t('dash.rate'),
                  t('dash.verdictOn', { date: d.asOf }),
                  t('dash.atDeadline'),
                  ...(asOf && todays.data ? [t('dash.today', { date: todays.data.asOf })] : []),
                ]}
              >
                {d.totals.targets.map((g) => (
                  <tr key={g.code}>
                    <td className="wrap">{g.name}</td>
                    <td>{g.deadline}</td>
                    <td className="num">
                      {g.appointed} / {g.enterprises}
                      {(g.exceptionAppointments > 0 || g.futureDated > 0) && (
                        <div className="muted">{t('dash.notCounted', { x: g.exceptionAppointments, f: g.futureDated })}</div>
                      )}
                    </td>
                    <td className="num">
                      {pct(g.rate)} / {pct(g.targetRate)}
                    </td>
                    <td>
                      <Verdict verdict={g.verdict} />
                    </td>
                    <td>{g.atDeadline ? <Verdict verdict={g.atDeadline.verdict} /> : t('dash.notDue')}</td>
                    {asOf && todays.data && <td>{todayVerdict(g.code) ? <Verdict verdict={todayVerdict(g.code)!} /> : '—'}</td>}
                  </tr>
                ))}
              </Table>
            </section>
          )}
          {d.children.length > 0 && (
            <div className="grid-2">
              <section className="card">
                <BarChart
                  title={t('dash.chartAppointment')}
                  bars={d.children.map((c) => ({
                    key: c.regionId,
                    label: c.regionName,
                    value: c.enterprises > 0 ? c.appointmentRate : null,
                    detail: `${c.enterprisesWithCqo}/${c.enterprises}`,
                  }))}
                  target={d.totals.targets.length > 0 ? Math.max(...d.totals.targets.map((g) => g.targetRate)) : undefined}
                  onSelect={drill}
                />
              </section>
              <section className="card">
                <BarChart
                  title={t('dash.chartCompliance', { year })}
                  bars={d.children.map((c) => {
                    const f = compliance(c);
                    return {
                      key: c.regionId,
                      label: c.regionName,
                      value: f && f.servingCqos > 0 ? f.rate : null,
                      detail: f ? `${f.complete}/${f.servingCqos}` : undefined,
                    };
                  })}
                  onSelect={drill}
                />
              </section>
            </div>
          )}
          {d.children.length > 0 && <p className="muted small">{t('dash.drillHint')}</p>}
        </>
      )}
      <section className="card">
        <h2>{t('dash.enterprises')}</h2>
        <ErrorBox error={enterprises.error} />
        {!enterprises.data ? (
          <Loading />
        ) : enterprises.data.items.length === 0 ? (
          <Empty />
        ) : (
          <Table head={[t('dash.enterprise'), t('dash.region'), t('dash.cqo'), t('dash.term'), t('dash.yearState', { year })]}>
            {enterprises.data.items.map((e) => (
              <tr key={e.enterpriseId}>
                <td>
                  <Link to={`/regulator/enterprises/${e.enterpriseId}/history`}>{e.name}</Link>{' '}
                  {e.exceptionFlagged && <Badge tone="warn">{t('dash.exception')}</Badge>}
                </td>
                <td>{e.regionName}</td>
                <td>
                  {e.cqoTraineeId ? (
                    <Link to={`/regulator/cqos/${e.cqoTraineeId}`}>{e.cqoName}</Link>
                  ) : (
                    <Badge tone="bad">{t('dash.noCqo')}</Badge>
                  )}
                </td>
                <td>{e.appointedOn ? `${e.appointedOn} – ${e.termEndsOn}` : '—'}</td>
                <td>{e.yearState ? <Badge tone={toneOf(e.yearState)}>{label('state.', e.yearState)}</Badge> : '—'}</td>
              </tr>
            ))}
          </Table>
        )}
        {enterprises.data && <Pager page={page} pageSize={enterprises.data.pageSize} total={enterprises.data.total} onPage={setPage} />}
      </section>
    </>
  );
}

function Kpi({ value, label }: { value: string; label: string }) {
  return (
    <div className="kpi">
      <div className="kpi-value">{value}</div>
      <div className="kpi-label">{label}</div>
    </div>
  );
}

/** 已达成 / 未达成 / 无目标企业 (an empty group is never met and never 0%). */
function Verdict({ verdict }: { verdict: 'met' | 'not_met' | 'no_target_enterprises' }) {
  const { t } = useI18n();
  if (verdict === 'no_target_enterprises') return <Badge tone="muted">{t('dash.noTargetEnterprises')}</Badge>;
  return <Badge tone={verdict === 'met' ? 'ok' : 'bad'}>{verdict === 'met' ? t('dash.met') : t('dash.notMet')}</Badge>;
}
