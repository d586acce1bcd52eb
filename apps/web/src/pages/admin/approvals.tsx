import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, hours } from '../../ui/kit';
import { PreviewableLessons } from '../org/lesson-preview';

/** The review queue: submitted course versions, each approved with a number or returned with a reason. */
export function ApprovalsPage() {
  const { t, label, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  const queue = useLoad(() => ok(typedApi.GET('/courses', { params: { query: { status: 'submitted', page, pageSize: 10 } } })), [page]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('approvals.title')} />
      <ErrorBox error={queue.error} />
      {!queue.data ? (
        <Loading />
      ) : queue.data.items.length === 0 ? (
        <Empty>{t('approvals.none')}</Empty>
      ) : (
        <ul className="stack">
          {queue.data.items.map((c) => (
            <li key={c.id} className="card">
              <div className="enrollment-head">
                <h2>
                  {c.title} <span className="muted small">v{c.version}</span>
                </h2>
                <Badge tone="info">{label('courseStatus.', c.status)}</Badge>
              </div>
              <p className="muted small">
                {c.organizationName} · {label('category.', c.category)} · {label('kind.', c.kind)} · {hours(c.creditHours)}{' '}
                {t('common.hoursUnit')} · {t('approvals.submittedAt', { at: dateTime(c.submittedAt) })}
              </p>
              {open === c.id ? (
                <Review versionId={c.id} onDone={() => (setOpen(null), queue.reload())} />
              ) : (
                <button type="button" className="btn" onClick={() => setOpen(c.id)}>
                  {t('approvals.review')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {queue.data && <Pager page={page} pageSize={queue.data.pageSize} total={queue.data.total} onPage={setPage} />}
    </>
  );
}

function Review({ versionId, onDone }: { versionId: string; onDone(): void }) {
  const { t } = useI18n();
  const version = useLoad(() => ok(typedApi.GET('/course-versions/{versionId}', { params: { path: { versionId } } })), [versionId]);
  const [approvalNumber, setApprovalNumber] = useState('');
  const [reason, setReason] = useState('');
  const act = useAction();
  if (version.error) return <ErrorBox error={version.error} />;
  const v = version.data;
  if (!v) return <Loading />;
  return (
    <div className="review-box">
      <p className="pre">{v.description}</p>
      <p className="small">
        {t('course.topics')}：{v.topics.map((tp) => tp.name).join('、')} · {t('approvals.share', { share: v.completionShare })} ·{' '}
        {t('course.finalExam')}：{v.finalExamPaperId ? t('common.yes') : t('common.no')}
      </p>
      <PreviewableLessons versionId={versionId} lessons={v.lessons} />
      <div className="grid-2">
        <div>
          <Field label={t('approvals.number')} error={act.error?.fieldMessage('approvalNumber')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                value={approvalNumber}
                onChange={(e) => setApprovalNumber(e.target.value)}
                placeholder="甘质培审〔2026〕001号"
              />
            )}
          </Field>
          <button
            type="button"
            className="btn btn-primary"
            disabled={act.busy}
            onClick={async () =>
              (await act.run(() =>
                ok(typedApi.POST('/course-versions/{versionId}/approve', { params: { path: { versionId } }, body: { approvalNumber } })),
              )) && onDone()
            }
          >
            {t('approvals.approve')}
          </button>
        </div>
        <div>
          <Field label={t('approvals.reason')} error={act.error?.fieldMessage('reason')}>
            {(id, d) => <textarea id={id} aria-describedby={d} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button
            type="button"
            className="btn btn-danger"
            disabled={act.busy}
            onClick={async () =>
              (await act.run(() =>
                ok(typedApi.POST('/course-versions/{versionId}/return', { params: { path: { versionId } }, body: { reason } })),
              )) && onDone()
            }
          >
            {t('approvals.return')}
          </button>
        </div>
      </div>
      <FormError error={act.error} shownFields={['approvalNumber', 'reason']} />
    </div>
  );
}
