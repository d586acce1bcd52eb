import { useState } from 'react';
import { Link } from 'react-router';
import { choice, download, ok, qs, typedApi } from '../../api/client';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle, Pager, Table, hours, toneOf } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

/** Serving and nominated (拟任) CQOs at risk or short of hours in the year, one row per requirement; exportable. */
export function ShortfallsPage() {
  const { t, label } = useI18n();
  const [year, setYear] = useState(chinaYear());
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/regulators/shortfalls', {
          params: { query: { year, state: choice<'at_risk' | 'shortfall'>(state), page, pageSize: 20 } },
        }),
      ),
    [year, state, page],
  );
  const dl = useAction();
  return (
    <>
      <PageTitle title={t('shortfalls.title')}>
        <button
          type="button"
          className="btn"
          disabled={dl.busy}
          onClick={() =>
            dl.run(() => download(`/regulators/exports/shortfalls${qs({ year, state, format: 'xlsx' })}`, `shortfalls-${year}.xlsx`))
          }
        >
          {t('exports.xlsx')}
        </button>
      </PageTitle>
      <div className="filters card">
        <div className="field">
          <label htmlFor="sf-year">{t('hours.year')}</label>
          <select id="sf-year" value={year} onChange={(e) => (setYear(Number(e.target.value)), setPage(1))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sf-state">{t('common.status')}</label>
          <select id="sf-state" value={state} onChange={(e) => (setState(e.target.value), setPage(1))}>
            <option value="">{t('common.all')}</option>
            <option value="at_risk">{t('state.at_risk')}</option>
            <option value="shortfall">{t('state.shortfall')}</option>
          </select>
        </div>
      </div>
      <FormError error={dl.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('shortfalls.none')}</Empty>
      ) : (
        <Table
          head={[
            t('lookup.fullName'),
            t('dash.enterprise'),
            t('dash.region'),
            t('shortfalls.appointment'),
            t('shortfalls.requirement'),
            t('shortfalls.hours'),
            t('hours.shortfallCol'),
            t('common.status'),
          ]}
        >
          {list.data.items.map((r) => (
            <tr key={`${r.traineeId}-${r.requirement}`}>
              <td>
                <Link to={`/regulator/cqos/${r.traineeId}`}>{r.fullName}</Link>
              </td>
              <td>{r.enterpriseName}</td>
              <td>{r.regionName}</td>
              <td>{label('appointmentState.', r.appointmentState)}</td>
              <td>{r.ruleName}</td>
              <td className="num">
                {hours(r.accrued)} / {hours(r.required)}
              </td>
              <td className="num">{hours(r.shortfall)}</td>
              <td>
                <Badge tone={toneOf(r.state)}>{label('state.', r.state)}</Badge>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
