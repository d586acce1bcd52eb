import { Link, useSearchParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { EnrollmentStatus } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, ProgressBar, hours, toneOf } from '../../ui/kit';

export function LearningPage() {
  const { t, label, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? 1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/me/enrollments', {
          params: { query: { status: (status || undefined) as EnrollmentStatus | undefined, page, pageSize: 10 } },
        }),
      ),
    [status, page],
  );
  return (
    <>
      <PageTitle title={t('learning.title')}>
        <Link className="btn" to="/catalog">
          {t('learning.browse')}
        </Link>
      </PageTitle>
      <div className="tabs" role="group" aria-label={t('learning.filter')}>
        {['', 'enrolled', 'completed', 'withdrawn'].map((s) => (
          <button
            key={s}
            type="button"
            className={`tab${s === status ? ' active' : ''}`}
            aria-pressed={s === status}
            onClick={() => setParams(s ? { status: s } : {})}
          >
            {s ? label('enrollmentStatus.', s) : t('common.all')}
          </button>
        ))}
      </div>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>
          {t('learning.none')} <Link to="/catalog">{t('learning.browse')}</Link>
        </Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((e) => (
            <li key={e.id} className="card enrollment-card">
              <div className="enrollment-head">
                <h2>
                  <Link to={`/learning/${e.id}`}>{e.title}</Link>
                </h2>
                <Badge tone={toneOf(e.status)}>{label('enrollmentStatus.', e.status)}</Badge>
              </div>
              <p className="muted small">
                {e.organizationName} · {label('category.', e.category)} · {label('kind.', e.kind)} · {hours(e.creditHours)}{' '}
                {t('common.hoursUnit')} · {t('learning.enrolledOn', { date: date(e.enrolledAt) })}
              </p>
              <ProgressBar
                value={e.completedRequiredLessons}
                max={e.requiredLessons}
                label={t('enrollment.requiredDone', { done: e.completedRequiredLessons, total: e.requiredLessons })}
              />
              {e.finalExamPaperId && (
                <p className="small">
                  {t('enrollment.finalExam')}：
                  {e.finalExamPassedAt ? <Badge tone="ok">{t('exam.passed')}</Badge> : <Badge>{t('exam.notYet')}</Badge>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.data && (
        <Pager
          page={page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(p) => setParams({ ...(status ? { status } : {}), page: String(p) })}
        />
      )}
      <CapabilityTests />
    </>
  );
}

/** Capability tests open to the trainee (published by regulators or organizations for the trainee's region). */
function CapabilityTests() {
  const { t } = useI18n();
  const tests = useLoad(() => ok(typedApi.GET('/me/exam-papers')), []);
  if (tests.error) return <ErrorBox error={tests.error} />;
  if (!tests.data || tests.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="capability-tests">
      <h2 id="capability-tests">{t('learning.capabilityTests')}</h2>
      <p className="muted small">{t('learning.capabilityHint')}</p>
      <ul className="stack">
        {tests.data.map((p) => (
          <li key={p.id} className="row-actions">
            <Link to={`/exams/${p.id}`}>{p.title}</Link>
            <span className="muted small">
              {t('exam.questions')} {p.questionCount} · {t('common.minutes', { n: p.timeLimitMinutes })}
            </span>
            {p.passed ? (
              <Badge tone="ok">{t('exam.passed')}</Badge>
            ) : p.openAttemptId ? (
              <Badge tone="warn">{t('exam.inProgress')}</Badge>
            ) : p.attemptsUsed > 0 ? (
              <Badge tone="bad">{t('exam.notYet')}</Badge>
            ) : (
              <Badge>{t('exam.notTaken')}</Badge>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
