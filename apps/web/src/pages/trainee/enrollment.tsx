import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download, ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useInterval, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, FormError, Loading, PageTitle, ProgressBar, hours, toneOf } from '../../ui/kit';

export function EnrollmentPage() {
  const { enrollmentId = '' } = useParams();
  const { t, label, dateTime } = useI18n();
  const detail = useLoad(() => ok(typedApi.GET('/enrollments/{enrollmentId}', { params: { path: { enrollmentId } } })), [enrollmentId]);
  const e = detail.data;

  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!e) return <Loading />;
  const lessonsDone = e.completedRequiredLessons >= e.requiredLessons;

  return (
    <>
      <PageTitle title={e.title} back="/learning">
        <Badge tone={toneOf(e.status)}>{label('enrollmentStatus.', e.status)}</Badge>
      </PageTitle>
      <section className="card">
        <p className="muted">
          {e.organizationName} · {label('category.', e.category)} · {label('kind.', e.kind)} · {hours(e.creditHours)}{' '}
          {t('common.hoursUnit')}
        </p>
        <ProgressBar
          value={e.completedRequiredLessons}
          max={e.requiredLessons}
          label={t('enrollment.requiredDone', { done: e.completedRequiredLessons, total: e.requiredLessons })}
        />
        <ul className="lesson-progress">
          {e.lessons.map((l) => {
            // cmi5 and SCORM lessons are studied online too, but complete by the course's own rule, not a share of time.
            const online = l.type !== 'live_session';
            const timed = l.type === 'video' || l.type === 'document';
            return (
              <li key={l.lessonId} className="lesson-row">
                <div className="lesson-main">
                  <div className="lesson-title">
                    {l.position}. {l.title}{' '}
                    {l.completedAt ? <Badge tone="ok">{t('lesson.done')}</Badge> : !l.required && <Badge>{t('lesson.optional')}</Badge>}
                  </div>
                  <div className="muted small">
                    {label('lessonType.', l.type)} · {t('common.minutes', { n: l.minutes })}
                    {l.attendance
                      ? ` · ${t('lesson.attended', { from: dateTime(l.attendance.signedInAt), to: dateTime(l.attendance.signedOutAt) })}`
                      : ''}
                  </div>
                  {timed && l.requiredSeconds > 0 && (
                    <ProgressBar
                      value={Math.min(l.activeSeconds, l.requiredSeconds)}
                      max={l.requiredSeconds}
                      label={t('lesson.studied', { done: fmtDuration(l.activeSeconds), total: fmtDuration(l.requiredSeconds) })}
                    />
                  )}
                </div>
                {online && e.status === 'enrolled' && (
                  <Link className="btn" to={`/learning/${e.id}/lessons/${l.lessonId}`}>
                    {l.completedAt ? t('lesson.review') : t('lesson.study')}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {e.finalExamPaperId && (
        <section className="card">
          <h2>{t('enrollment.finalExam')}</h2>
          {e.finalExamPassedAt ? (
            <p>
              <Badge tone="ok">{t('exam.passed')}</Badge> {dateTime(e.finalExamPassedAt)}
            </p>
          ) : lessonsDone ? (
            <Link className="btn btn-primary" to={`/exams/${e.finalExamPaperId}?enrollment=${e.id}`}>
              {t('enrollment.toExam')}
            </Link>
          ) : (
            <p className="muted">{t('enrollment.examAfterLessons')}</p>
          )}
        </section>
      )}
      {e.status === 'completed' && <CompletionPanel courseId={e.courseId} completedAt={e.completedAt} />}
    </>
  );
}

/** After completion: the hours and the course certificate, which the worker issues a moment later. */
function CompletionPanel({ courseId, completedAt }: { courseId: string; completedAt: string | null }) {
  const { t, dateTime } = useI18n();
  const [polls, setPolls] = useState(0);
  const certs = useLoad(() => ok(typedApi.GET('/me/certificates', { params: { query: { courseId, pageSize: 20 } } })), [courseId, polls]);
  const cert = certs.data?.items.find((c) => c.status === 'valid');
  // The certificate is issued asynchronously: look again every few seconds, for a while.
  useInterval(() => setPolls((n) => n + 1), !cert && polls < 60 ? 3000 : null);
  const dl = useAction();
  return (
    <section className="card success" aria-live="polite">
      <h2>{t('enrollment.completed')}</h2>
      <p>{t('enrollment.completedAt', { at: dateTime(completedAt) })}</p>
      {cert ? (
        <div className="cert-line">
          <span>
            {cert.title} · {t('cert.serial')} <strong className="mono">{cert.serial}</strong>
          </span>
          <button
            type="button"
            className="btn btn-primary"
            disabled={dl.busy}
            onClick={() => dl.run(() => download(`/me/certificates/${cert.id}/pdf`, `${cert.serial}.pdf`))}
          >
            {t('cert.download')}
          </button>
        </div>
      ) : (
        <p className="muted">{polls < 60 ? t('enrollment.certPending') : t('enrollment.certLater')}</p>
      )}
      <FormError error={dl.error ?? certs.error} />
      <p>
        <Link to="/hours">{t('enrollment.seeHours')}</Link> · <Link to="/certificates">{t('nav.certificates')}</Link>
      </p>
    </section>
  );
}

export function fmtDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  return `${m}:${String(r).padStart(2, '0')}`;
}
