import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';

import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, Table, hours, toneOf } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';
import { TranscriptButton } from '../claims/transcript-button';

/** The enterprise's people (its CQO and employees) with their hour requirements in a year. */
export function StaffHoursPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const [year, setYear] = useState(chinaYear());
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/enterprises/{id}/compliance', {
          params: { path: { id: String(me.enterpriseId) }, query: { year, page, pageSize: 20 } },
        }),
      ),
    [year, page, me.enterpriseId],
  );
  return (
    <>
      <PageTitle title={t('staff.title')}>
        <div className="field field-inline">
          <label htmlFor="st-year">{t('hours.year')}</label>
          <select id="st-year" value={year} onChange={(e) => (setYear(Number(e.target.value)), setPage(1))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
      </PageTitle>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('staff.none')}</Empty>
      ) : (
        <Table
          head={[
            t('lookup.fullName'),
            t('shortfalls.requirement'),
            t('shortfalls.hours'),
            t('hours.shortfallCol'),
            t('common.status'),
            t('transcript.column'),
          ]}
        >
          {list.data.items.map((r, i, rows) => (
            <tr key={`${r.traineeId}-${r.requirement}`}>
              <td>
                {r.fullName}
                <div className="small">
                  <Link to={`/enterprise/staff/${r.traineeId}/facts`}>{t('facts.linkShort')}</Link>
                </div>
              </td>
              <td>{r.ruleName}</td>
              <td className="num">
                {hours(r.accrued)} / {hours(r.required)}
              </td>
              <td className="num">{hours(r.shortfall)}</td>
              <td>
                <Badge tone={toneOf(r.state)}>{label('state.', r.state)}</Badge>
              </td>
              <td>
                {/* Once per person (their rows are consecutive, one per requirement). */}
                {rows[i - 1]?.traineeId !== r.traineeId && <TranscriptButton path={`/trainees/${r.traineeId}/credit-hours/transcript`} />}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
