import { Link, useParams, useSearchParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, FormError, Loading, PageTitle, Table } from '../../ui/kit';
import { nextAttempt, useStartAttempt } from './attempt-rules';

/** A paper before (or between) attempts: its rules, past attempts, and the start button. */
export function ExamPage() {
  const { paperId = '' } = useParams();
  const [params] = useSearchParams();
  const enrollment = params.get('enrollment');
  const { t, dateTime } = useI18n();
  const paper = useLoad(() => ok(typedApi.GET('/me/exam-papers/{paperId}', { params: { path: { paperId } } })), [paperId]);
  const attempts = useLoad(() => ok(typedApi.GET('/me/exam-attempts', { params: { query: { paperId, pageSize: 50 } } })), [paperId]);
  const back = enrollment ? `/learning/${enrollment}` : '/learning';
  const suffix = enrollment ? `?enrollment=${enrollment}` : '';
  const start = useStartAttempt(paperId, suffix);

  if (paper.error) return <ErrorBox error={paper.error} />;
  if (!paper.data) return <Loading />;
  const p = paper.data;
  const { canStart } = nextAttempt(p, Date.now());

  return (
    <>
      <PageTitle title={p.title} back={back}>
        {p.passed && <Badge tone="ok">{t('exam.passed')}</Badge>}
      </PageTitle>
      <section className="card">
        {p.description && <p className="pre">{p.description}</p>}
        <dl className="facts facts-inline">
          <dt>{t('exam.questions')}</dt>
          <dd>{p.questionCount}</dd>
          <dt>{t('exam.maxScore')}</dt>
          <dd>{p.maxScore}</dd>
          <dt>{t('exam.passMark')}</dt>
          <dd>{p.passMarkPercent}%</dd>
          <dt>{t('exam.timeLimit')}</dt>
          <dd>{t('common.minutes', { n: p.timeLimitMinutes })}</dd>
          <dt>{t('exam.attempts')}</dt>
          <dd>
            {p.maxAttempts === null
              ? t('exam.attemptsUsedUnlimited', { used: p.attemptsUsed })
              : t('exam.attemptsUsed', { used: p.attemptsUsed, max: p.maxAttempts })}
          </dd>
        </dl>
        {p.nextAttemptAt && <p className="muted">{t('exam.nextAttemptAt', { at: dateTime(p.nextAttemptAt) })}</p>}
        <p className="muted small">{t('exam.rules')}</p>
        <FormError error={start.error} />
        {p.openAttemptId ? (
          <Link className="btn btn-primary" to={`/attempts/${p.openAttemptId}${suffix}`}>
            {t('exam.continue')}
          </Link>
        ) : (
          !p.passed && (
            <button type="button" className="btn btn-primary" disabled={start.busy || !canStart} onClick={start.start}>
              {p.attemptsUsed > 0 ? t('exam.retake') : t('exam.start')}
            </button>
          )
        )}
      </section>
      {attempts.data && attempts.data.items.length > 0 && (
        <section className="card">
          <h2>{t('exam.history')}</h2>
          <Table head={[t('exam.attemptNo'), t('exam.submittedAt'), t('exam.score'), t('exam.result')]}>
            {attempts.data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/attempts/${a.id}${suffix}`}>#{a.attemptNo}</Link>
                </td>
                <td>{a.status === 'open' ? t('exam.inProgress') : dateTime(a.submittedAt)}</td>
                <td>{a.result ? `${a.result.score} / ${a.result.maxScore}` : '—'}</td>
                <td>
                  {a.result ? (
                    <Badge tone={a.result.passed ? 'ok' : 'bad'}>{a.result.passed ? t('exam.passed') : t('exam.failed')}</Badge>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </>
  );
}
