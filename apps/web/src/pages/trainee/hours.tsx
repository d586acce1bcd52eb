import { useRef, useState } from 'react';
import { ok, qs, typedApi } from '../../api/client';
import { Link } from 'react-router';
import type { HoursSummary, RequirementOutlook } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, ProgressBar, Table, hours, toneOf } from '../../ui/kit';
import type { RequirementRow } from './requirements';
import { chinaYear, requirementRows } from './requirements';
import { TranscriptButton } from '../claims/transcript-button';

/** "My hours": one bar per requirement for the chosen year (21 once, 14 and 30 a year) and the ledger entries behind them. */
export function HoursPage() {
  const { t } = useI18n();
  const thisYear = chinaYear();
  const [year, setYear] = useState(thisYear);
  const summary = useLoad(() => ok(typedApi.GET('/me/credit-hours')), []);
  const years = [...new Set([thisYear, ...(summary.data?.years.map((y) => y.year) ?? [])])].sort((a, b) => b - a);
  return (
    <>
      <PageTitle title={t('hours.title')}>
        <TranscriptButton path="/me/credit-hours/transcript" />
        <div className="field field-inline">
          <label htmlFor="hours-year">{t('hours.year')}</label>
          <select id="hours-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </PageTitle>
      <ErrorBox error={summary.error} />
      <HoursOverview year={year} summary={summary.data} />
    </>
  );
}

/** The trainee's bars, the way out of a gap and the entries of a year. */
export function HoursOverview({ year, summary }: { year: number; summary?: HoursSummary }) {
  const { t, label, date } = useI18n();
  const [page, setPage] = useState(1);
  const statuses = useLoad(() => ok(typedApi.GET('/me/compliance', { params: { query: { year } } })).then((o) => o.statuses), [year]);
  const entries = useLoad(
    () => ok(typedApi.GET('/me/credit-hours/entries', { params: { query: { year, page, pageSize: 20 } } })),
    [year, page],
  );
  // The server's verdicts only (statuses are ordered by the rule set); no fallback arithmetic here.
  const rows = statuses.data ? requirementRows(year, statuses.data) : undefined;
  // The server's figures for the way out of a gap (days left, expected by now, hours on the way).
  const outlook = useLoad(() => ok(typedApi.GET('/me/credit-hours/outlook', { params: { query: { year } } })), [year]);
  // The first view appears in one piece once its three answers are in: drawn as each arrived, the
  // deadline line and the requirement bars pushed the entries down (a layout shift of about 0.4 on a phone).
  const firstViewIn = useRef(false);
  if (!statuses.loading && !entries.loading && !outlook.loading) firstViewIn.current = true;
  if (!firstViewIn.current) {
    return (
      <section className="card">
        <Loading />
      </section>
    );
  }

  return (
    <>
      <section className="card" aria-labelledby="req-title">
        <h2 id="req-title">{t('hours.requirements', { year })}</h2>
        <ErrorBox error={statuses.error ?? outlook.error} />
        {outlook.data && !outlook.data.closed && (
          <p className="deadline" data-testid="days-left">
            {t('hours.deadline', { date: outlook.data.deadline, days: outlook.data.daysLeft })}
          </p>
        )}
        {!rows ? (
          <Loading />
        ) : rows.length === 0 ? (
          <Empty>{t('hours.noRules')}</Empty>
        ) : (
          <div className="req-grid" data-testid="requirements">
            {rows.map((r) => (
              <div key={r.code} className="req">
                <div className="req-head">
                  <strong>{r.name}</strong>
                  <Badge tone={toneOf(r.state)}>{label('state.', r.state)}</Badge>
                </div>
                <ProgressBar
                  value={Number(r.accrued)}
                  max={Number(r.required)}
                  state={r.state}
                  label={t(r.period === 'once' ? 'hours.barOnce' : 'hours.barYear', {
                    accrued: hours(r.accrued),
                    required: hours(r.required),
                    year,
                  })}
                />
                {Number(r.shortfall) > 0 && <p className="small muted">{t('hours.shortfall', { n: hours(r.shortfall) })}</p>}
                <NextStep row={r} outlook={outlook.data?.requirements.find((o) => o.requirement === r.code)} />
              </div>
            ))}
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t('hours.entries', { year })}</h2>
        <ErrorBox error={entries.error} />
        {!entries.data ? (
          <Loading />
        ) : entries.data.items.length === 0 ? (
          <Empty>{t('hours.noEntries')}</Empty>
        ) : (
          <Table head={[t('hours.date'), t('course.category'), t('course.kind'), t('hours.hours'), t('hours.source'), t('hours.note')]}>
            {entries.data.items.map((e) => (
              <tr key={e.id} className={e.reversedByEntryId ? 'struck' : undefined}>
                <td>{date(e.occurredAt)}</td>
                <td>{label('category.', e.category)}</td>
                <td>{label('kind.', e.kind)}</td>
                <td className="num">{hours(e.hours)}</td>
                <td>{label('source.', e.source)}</td>
                <td className="wrap">
                  {[e.reason, e.source === 'course_completion' ? null : e.evidenceRef, e.reversedByEntryId ? t('hours.reversed') : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {entries.data && <Pager page={page} pageSize={entries.data.pageSize} total={entries.data.total} onPage={setPage} />}
      </section>
    </>
  );
}

/** Under a requirement's bar: what is due by now, what is on the way, and where to find courses while it is unmet. */
function NextStep({ row, outlook }: { row: RequirementRow; outlook?: RequirementOutlook }) {
  const { t } = useI18n();
  if (!outlook) return null;
  const unmet = Number(row.shortfall) > 0;
  return (
    <ul className="next-step small">
      {outlook.expectedByNow !== null && unmet && (
        <li>{t('hours.expectedByNow', { n: hours(outlook.expectedByNow), accrued: hours(row.accrued) })}</li>
      )}
      {Number(outlook.enrolledUnfinishedHours) > 0 && <li>{t('hours.onTheWay', { n: hours(outlook.enrolledUnfinishedHours) })}</li>}
      {unmet && (
        <li>
          <Link
            className="btn btn-small"
            to={`/catalog${qs({ category: outlook.catalog.category, kind: outlook.catalog.kind })}`}
            aria-label={t('hours.findCoursesFor', { name: row.name })}
          >
            {t('hours.findCourses')}
          </Link>
        </li>
      )}
    </ul>
  );
}
