import { useState } from 'react';
import { useParams } from 'react-router';
import { download, ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle, Pager, Table, toneOf } from '../../ui/kit';

const fixed = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));

/** A paper's results (every attempt, CSV export) and item statistics (difficulty, discrimination). */
export function PaperPage() {
  const { paperId = '' } = useParams();
  const { t, label, dateTime } = useI18n();
  const paper = useLoad(() => ok(typedApi.GET('/exam-papers/{id}', { params: { path: { id: paperId } } })), [paperId]);
  const [page, setPage] = useState(1);
  const results = useLoad(
    () => ok(typedApi.GET('/exam-papers/{id}/results', { params: { path: { id: paperId }, query: { page, pageSize: 20 } } })),
    [paperId, page],
  );
  const stats = useLoad(() => ok(typedApi.GET('/exam-papers/{id}/item-statistics', { params: { path: { id: paperId } } })), [paperId]);
  const dl = useAction();
  if (paper.error) return <ErrorBox error={paper.error} />;
  const p = paper.data;
  if (!p) return <Loading />;
  const s = results.data?.summary;
  return (
    <>
      <PageTitle title={p.title} back="/org/papers">
        <Badge tone={toneOf(p.status)}>{label('paperStatus.', p.status)}</Badge>
        <button
          type="button"
          className="btn"
          disabled={dl.busy}
          onClick={() => dl.run(() => download(`/exam-papers/${p.id}/results.csv`, `${p.title}.csv`))}
        >
          {t('papers.exportCsv')}
        </button>
      </PageTitle>
      <FormError error={dl.error} />
      {s && (
        <div className="kpis">
          <div className="kpi">
            <div className="kpi-value">{s.attempts}</div>
            <div className="kpi-label">{t('papers.attempts')}</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">{s.graded}</div>
            <div className="kpi-label">{t('papers.graded')}</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">{s.passed}</div>
            <div className="kpi-label">{t('papers.passedCount')}</div>
          </div>
          <div className="kpi">
            <div className="kpi-value">{s.meanPercent === null ? '—' : `${s.meanPercent}%`}</div>
            <div className="kpi-label">{t('papers.mean')}</div>
          </div>
        </div>
      )}
      <section className="card">
        <h2>{t('papers.results')}</h2>
        <ErrorBox error={results.error} />
        {!results.data ? (
          <Loading />
        ) : results.data.items.length === 0 ? (
          <Empty />
        ) : (
          <Table
            head={[
              t('lookup.fullName'),
              t('lookup.idMasked'),
              t('dash.enterprise'),
              t('exam.attemptNo'),
              t('exam.submittedAt'),
              t('exam.score'),
              t('exam.result'),
            ]}
          >
            {results.data.items.map((r) => (
              <tr key={r.attemptId}>
                <td>{r.traineeName}</td>
                <td className="mono">{r.idNumberMasked ?? '—'}</td>
                <td>{r.enterpriseName ?? '—'}</td>
                <td className="num">{r.attemptNo}</td>
                <td>{r.status === 'open' ? t('exam.inProgress') : dateTime(r.submittedAt)}</td>
                <td className="num">{r.score === null ? '—' : `${r.score} / ${r.maxScore}`}</td>
                <td>
                  {r.passed === null ? '—' : <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? t('exam.passed') : t('exam.failed')}</Badge>}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {results.data && <Pager page={page} pageSize={results.data.pageSize} total={results.data.total} onPage={setPage} />}
      </section>
      <section className="card">
        <h2>{t('papers.itemStats')}</h2>
        <ErrorBox error={stats.error} />
        {stats.data && (
          <>
            <p className="muted small">{t('papers.statsHint', { n: stats.data.gradedAttempts })}</p>
            {stats.data.items.length === 0 ? (
              <Empty />
            ) : (
              <Table
                head={[
                  t('questions.stem'),
                  t('questions.type'),
                  t('papers.itemAttempts'),
                  t('papers.pValue'),
                  t('papers.discrimination'),
                  t('papers.pointBiserial'),
                ]}
              >
                {stats.data.items.map((i) => (
                  <tr key={`${i.questionId}-${i.version}`}>
                    <td className="wrap">{i.stem}</td>
                    <td>{label('questionType.', i.type)}</td>
                    <td className="num">{i.attempts}</td>
                    <td className="num">{fixed(i.difficulty)}</td>
                    <td className="num">{fixed(i.discrimination)}</td>
                    <td className="num">{fixed(i.pointBiserial)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </>
        )}
      </section>
    </>
  );
}
