import { useEffect, useState } from 'react';
import { download, ok, typedApi } from '../../api/client';
import type { CityReport, CityReportVersion } from '../../api/registry-types';

import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { useAction, useInterval, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Table } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

interface RegionNode {
  id: string;
  name: string;
  level: string;
  children: RegionNode[];
}
const findRegion = (nodes: RegionNode[], id: string | null): RegionNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findRegion(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};

const VERSION_TONES: Record<CityReportVersion['status'], 'info' | 'warn' | 'ok' | 'muted'> = {
  submitted: 'info',
  returned: 'warn',
  acknowledged: 'ok',
  superseded: 'muted',
};

/**
 * The city's yearly report to the province. The city bureau prepares it, writes the narrative on
 * 推行情况, signs off and submits (a frozen version); the province acknowledges or returns it with
 * a reason, and the city submits again (a new version supersedes, never edits).
 */
export function CityReportsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [year, setYear] = useState(chinaYear());
  const list = useLoad(() => ok(typedApi.GET('/regulators/city-reports', { params: { query: { year, pageSize: 50 } } })), [year]);
  const prepare = useAction();
  const regions = useLoad(() => ok(typedApi.GET('/regions')), []);
  // A city prepares its own report; the province may prepare any city's.
  const myRegion = regions.data && findRegion(regions.data, me.regionId);
  const cities = myRegion ? (myRegion.level === 'city' ? [myRegion] : myRegion.children.filter((c) => c.level === 'city')) : [];
  const [cityId, setCityId] = useState('');
  const target = cities.find((c) => c.id === cityId) ?? cities[0];
  const prepared = list.data?.items.some((r) => r.regionId === target?.id);
  // A report being generated is polled until the worker has written it.
  useInterval(list.reload, list.data?.items.some((r) => r.status === 'pending') ? 2000 : null);
  return (
    <>
      <PageTitle title={t('city.title')}>
        <div className="field field-inline">
          <label htmlFor="cr-year">{t('hours.year')}</label>
          <select id="cr-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
      </PageTitle>
      <FormError error={prepare.error} />
      <ErrorBox error={list.error} />
      {list.data && target && (
        <div className="filters card">
          {cities.length > 1 && (
            <div className="field">
              <label htmlFor="cr-city">{t('city.city')}</label>
              <select id="cr-city" value={target.id} onChange={(e) => setCityId(e.target.value)}>
                {cities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button
            type="button"
            className="btn btn-primary btn-wrap"
            disabled={prepare.busy}
            onClick={async () => {
              if (await prepare.run(() => ok(typedApi.POST('/regulators/city-reports', { body: { regionId: target.id, year } }))))
                list.reload();
            }}
          >
            {prepared ? t('city.regenerate', { region: target.name, year }) : t('city.prepare', { region: target.name, year })}
          </button>
        </div>
      )}
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('city.none')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((r) => (
            <ReportCard key={r.id} report={r} own={r.regionId === me.regionId} onChange={list.reload} />
          ))}
        </ul>
      )}
    </>
  );
}

function ReportCard({ report: listed, own, onChange }: { report: CityReport; own: boolean; onChange(): void }) {
  const { t, label, dateTime } = useI18n();
  // The list carries no versions: each card reads its report (again when the list sees it change).
  const detail = useLoad(
    () => ok(typedApi.GET('/regulators/city-reports/{id}', { params: { path: { id: listed.id } } })),
    [listed.id, listed.status, listed.generatedAt],
  );
  const r = detail.data ?? listed;
  const latest = r.versions[0];
  const [narrative, setNarrative] = useState('');
  useEffect(() => {
    if (latest && !narrative) setNarrative(latest.narrative);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest?.id]);
  const [reason, setReason] = useState('');
  const act = useAction();
  const [notice, setNotice] = useState<string>();
  const canSubmit = own && (!latest || latest.status === 'returned');
  const canDecide = !own && latest?.status === 'submitted';
  const run = async (action: () => Promise<CityReport>, done: string) => {
    setNotice(undefined);
    const next = await act.run(action);
    if (next) {
      detail.set(next);
      setNotice(done);
      onChange();
    }
  };
  return (
    <li className="card" data-testid={`city-report-${r.regionName}`}>
      <div className="enrollment-head">
        <h2>{t('city.reportOf', { region: r.regionName, year: r.year })}</h2>
        {latest ? (
          <Badge tone={VERSION_TONES[latest.status]}>
            {t('city.versionStatus', { v: latest.version, status: label('city.status.', latest.status) })}
          </Badge>
        ) : (
          <Badge>{t('city.notSubmitted')}</Badge>
        )}
      </div>
      <p className="muted small">
        {t('city.generation', { status: label('city.gen.', r.status) })}
        {r.generatedAt ? ` · ${dateTime(r.generatedAt)}` : ''}
      </p>
      {r.status === 'ready' && (
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => act.run(() => download(`/regulators/city-reports/${r.id}/pdf`, 'report.pdf'))}
          >
            {t('city.draftPdf')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => act.run(() => download(`/regulators/city-reports/${r.id}/xlsx`, 'report.xlsx'))}
          >
            {t('city.draftXlsx')}
          </button>
        </div>
      )}
      {latest?.status === 'returned' && (
        <p className="alert alert-error" role="alert">
          {t('city.returnedBecause', { reason: latest.returnReason ?? '' })}
        </p>
      )}
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={detail.error} />
      <FormError error={act.error} shownFields={['narrative', 'reason']} />
      {canSubmit && (
        <div className="ack">
          <Field label={t('city.narrative')} hint={t('city.narrativeHint')} error={act.error?.fieldMessage('narrative')} wide>
            {(id, d) => <textarea id={id} aria-describedby={d} value={narrative} onChange={(e) => setNarrative(e.target.value)} />}
          </Field>
          <button
            type="button"
            className="btn btn-primary"
            disabled={act.busy}
            onClick={() =>
              run(
                () => ok(typedApi.POST('/regulators/city-reports/{id}/submit', { params: { path: { id: r.id } }, body: { narrative } })),
                t('city.submitted'),
              )
            }
          >
            {t('city.signAndSubmit')}
          </button>
        </div>
      )}
      {canDecide && (
        <div className="ack">
          <Field label={t('city.returnReason')} error={act.error?.fieldMessage('reason')} wide>
            {(id, d) => <textarea id={id} aria-describedby={d} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={act.busy}
              onClick={() =>
                run(
                  () =>
                    ok(
                      typedApi.POST('/regulators/city-reports/{id}/versions/{version}/acknowledge', {
                        params: { path: { id: r.id, version: latest.version } },
                      }),
                    ),
                  t('city.acknowledged'),
                )
              }
            >
              {t('city.acknowledge')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={act.busy}
              onClick={() =>
                run(
                  () =>
                    ok(
                      typedApi.POST('/regulators/city-reports/{id}/versions/{version}/return', {
                        params: { path: { id: r.id, version: latest.version } },
                        body: { reason },
                      }),
                    ),
                  t('city.returned'),
                )
              }
            >
              {t('city.return')}
            </button>
          </div>
        </div>
      )}
      {r.versions.length > 0 && (
        <Table
          head={[t('city.version'), t('common.status'), t('city.submittedBy'), t('city.narrativeShort'), t('city.files')]}
          caption={t('city.versions')}
        >
          {r.versions.map((v) => (
            <tr key={v.id} data-version={v.version}>
              <td className="num">v{v.version}</td>
              <td>
                <Badge tone={VERSION_TONES[v.status]}>{label('city.status.', v.status)}</Badge>
                {v.returnReason && <div className="small">{v.returnReason}</div>}
              </td>
              <td className="wrap">
                {v.submittedByName ?? '—'}
                <div className="small muted">{dateTime(v.submittedAt)}</div>
              </td>
              <td className="wrap">{v.narrative}</td>
              <td>
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => act.run(() => download(`/regulators/city-reports/${r.id}/versions/${v.version}/pdf`, `v${v.version}.pdf`))}
                >
                  PDF
                </button>{' '}
                <button
                  type="button"
                  className="btn-link"
                  onClick={() =>
                    act.run(() => download(`/regulators/city-reports/${r.id}/versions/${v.version}/xlsx`, `v${v.version}.xlsx`))
                  }
                >
                  XLSX
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </li>
  );
}
