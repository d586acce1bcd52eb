import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle, Pager, Table, hours, toneOf } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

type Schemas = components['schemas'];
type EmployeeRequest = Schemas['PendingEmployeeDto'];
type NominationReport = Schemas['NominationReportDto'];
type Outcome = NominationReport['rows'][number]['outcome'];

const OUTCOME_TONE: Record<Outcome, 'ok' | 'info' | 'bad' | 'warn'> = {
  enrolled: 'ok',
  already_enrolled: 'info',
  capacity_full: 'warn',
  not_staff: 'bad',
  not_eligible: 'bad',
};

/**
 * 员工管理 for the enterprise admin: confirm or reject people who named the enterprise as
 * employer, nominate confirmed employees for a course (with the report of who could not be
 * enrolled and why), and follow each one's courses and hours.
 */
export function EmployeesPage() {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  return (
    <>
      <PageTitle title={t('employees.title')} />
      <Requests onDecided={() => setTick((n) => n + 1)} />
      <Nominate refresh={tick} onNominated={() => setTick((n) => n + 1)} />
      <Progress refresh={tick} />
    </>
  );
}

function Requests({ onDecided }: { onDecided(): void }) {
  const { t, dateTime } = useI18n();
  const list = useLoad(() => ok(typedApi.GET('/enterprise/employee-requests')), []);
  const act = useAction();
  const [notice, setNotice] = useState<string>();
  const decide = async (r: EmployeeRequest, confirm: boolean) => {
    setNotice(undefined);
    const done = await act.run(() =>
      ok(
        typedApi.POST(`/enterprise/employee-requests/{userId}/${confirm ? 'confirm' : 'reject'}`, {
          params: { path: { userId: r.userId } },
        }),
      ),
    );
    if (done) {
      setNotice(t(confirm ? 'employees.confirmed' : 'employees.rejected', { name: r.fullName }));
      list.reload();
      onDecided();
    }
  };
  return (
    <section className="card" aria-labelledby="req-h">
      <h2 id="req-h">{t('employees.requests')}</h2>
      <ErrorBox error={list.error ?? act.error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>{t('employees.noRequests')}</Empty>
      ) : (
        <Table head={[t('lookup.fullName'), t('profile.idNumber'), t('employees.requestedAt'), t('common.actions')]}>
          {list.data.map((r) => (
            <tr key={r.userId}>
              <td>{r.fullName}</td>
              <td>{r.idNumberMasked}</td>
              <td>{dateTime(r.requestedAt)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={act.busy}
                  onClick={() => decide(r, true)}
                  aria-label={t('employees.confirmOf', { name: r.fullName })}
                >
                  {t('employees.confirm')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={act.busy}
                  onClick={() => decide(r, false)}
                  aria-label={t('employees.rejectOf', { name: r.fullName })}
                >
                  {t('employees.reject')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function Nominate({ refresh, onNominated }: { refresh: number; onNominated(): void }) {
  const { t, label } = useI18n();
  const me = useMe();
  const courses = useLoad(() => ok(typedApi.GET('/catalog', { params: { query: { openOnly: true, pageSize: 50 } } })), []);
  const staff = useLoad(
    () => ok(typedApi.GET('/enterprises/{id}/staff', { params: { path: { id: String(me.enterpriseId) }, query: { pageSize: 100 } } })),
    [refresh, me.enterpriseId],
  );
  const [courseId, setCourseId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [report, setReport] = useState<NominationReport>();
  const act = useAction();
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReport(undefined);
    const answer = await act.run(() =>
      ok(
        typedApi.POST('/enterprises/{id}/nominations', {
          params: { path: { id: String(me.enterpriseId) } },
          body: { courseVersionId: courseId, userIds: chosen },
        }),
      ),
    );
    if (answer) {
      setReport(answer);
      setChosen([]);
      courses.reload();
      onNominated();
    }
  };
  const course = courses.data?.items.find((c) => c.id === courseId);
  return (
    <section className="card" aria-labelledby="nom-h">
      <h2 id="nom-h">{t('employees.nominate')}</h2>
      <p className="muted small">{t('employees.nominateExplain')}</p>
      <ErrorBox error={courses.error ?? staff.error} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="nom-course">{t('employees.course')}</label>
          <select id="nom-course" name="courseVersionId" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
            <option value="">{t('register.choose')}</option>
            {courses.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}（{c.organizationName}，{hours(c.creditHours)} {t('common.hoursUnit')}
                {c.seatsLeft === null ? '' : `，${t('employees.seatsLeft', { n: c.seatsLeft })}`}）
              </option>
            ))}
          </select>
          {course && <small className="hint">{label('kind.', course.kind)}</small>}
        </div>
        <fieldset className="field">
          <legend>{t('employees.people')}</legend>
          {!staff.data ? (
            <Loading />
          ) : staff.data.items.length === 0 ? (
            <Empty>{t('employees.noStaff')}</Empty>
          ) : (
            <ul className="pick-list">
              {staff.data.items.map((s) => (
                <li key={s.userId}>
                  <label>
                    <input type="checkbox" checked={chosen.includes(s.userId)} onChange={() => toggle(s.userId)} /> {s.fullName}{' '}
                    <span className="muted small">{s.idNumberMasked}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <FormError error={act.error} />
        <button type="submit" className="btn btn-primary" disabled={act.busy || !courseId || chosen.length === 0}>
          {act.busy ? t('common.working') : t('employees.nominateSubmit', { n: chosen.length })}
        </button>
      </form>
      {report && (
        <div className="stack" role="status" aria-live="polite">
          <h3>{t('employees.reportTitle', { title: report.title })}</h3>
          <p>
            {t('employees.reportSummary', {
              enrolled: report.summary.enrolled,
              already: report.summary.alreadyEnrolled,
              not: report.summary.notEnrolled,
            })}
          </p>
          <Table head={[t('lookup.fullName'), t('profile.idNumber'), t('common.status')]}>
            {report.rows.map((r) => (
              <tr key={r.userId}>
                <td>{r.fullName ?? t('employees.unknownPerson')}</td>
                <td>{r.idNumberMasked ?? '—'}</td>
                <td>
                  <Badge tone={OUTCOME_TONE[r.outcome]}>{r.reason}</Badge>
                </td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </section>
  );
}

function Progress({ refresh }: { refresh: number }) {
  const { t, label } = useI18n();
  const me = useMe();
  const [year, setYear] = useState(chinaYear());
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/enterprises/{id}/staff-progress', {
          params: { path: { id: String(me.enterpriseId) }, query: { year, page, pageSize: 20 } },
        }),
      ),
    [year, page, refresh, me.enterpriseId],
  );
  return (
    <section className="card" aria-labelledby="prog-h">
      <h2 id="prog-h">{t('employees.progress')}</h2>
      <div className="field field-inline">
        <label htmlFor="prog-year">{t('hours.year')}</label>
        <select id="prog-year" value={year} onChange={(e) => (setYear(Number(e.target.value)), setPage(1))}>
          {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </div>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('employees.noStaff')}</Empty>
      ) : (
        <Table head={[t('lookup.fullName'), t('employees.courses'), t('employees.hours')]}>
          {list.data.items.map((s) => (
            <tr key={s.userId}>
              <td>
                {s.fullName}
                <div className="small muted">{s.idNumberMasked}</div>
              </td>
              <td>
                {s.enrollments.length === 0 ? (
                  <span className="muted">{t('employees.noCourses')}</span>
                ) : (
                  <ul className="pick-list">
                    {s.enrollments.map((e) => (
                      <li key={e.enrollmentId}>
                        {e.title}{' '}
                        <span className="small muted">
                          {e.status === 'completed'
                            ? t('employees.completed')
                            : t('employees.lessons', { done: e.completedRequiredLessons, of: e.requiredLessons })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {s.statuses.length === 0 ? (
                  <span className="muted">{t('employees.noRequirements')}</span>
                ) : (
                  <ul className="pick-list">
                    {s.statuses.map((r) => (
                      <li key={r.requirement}>
                        {r.ruleName}: {hours(r.accrued)} / {hours(r.required)}{' '}
                        <Badge tone={toneOf(r.state)}>{label('state.', r.state)}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </section>
  );
}
