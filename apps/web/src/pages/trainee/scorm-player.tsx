import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { EnrollmentDetail, Lesson, ScormLaunch } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui/kit';
import { fmtDuration } from './enrollment';

/** How often the page re-reads the lesson's progress while the course runs. */
const POLL_MS = 3000;

/**
 * A SCORM lesson: the trainee launches the SCO, which runs in a sandboxed frame. Its pages come
 * with the SCORM runtime (API / API_1484_11) injected by the server, which commits the CMI data
 * itself; this page shows the time the server has credited and the completion as it records them.
 */
export function ScormPlayer({ enrollmentId, lesson }: { enrollmentId: string; lesson: Lesson }) {
  const { t } = useI18n();
  const [launch, setLaunch] = useState<ScormLaunch>();
  const [error, setError] = useState<ApiError>();
  const [progress, setProgress] = useState<{ active: number; completed: boolean; courseCompleted: boolean }>();

  const start = async () => {
    try {
      setError(undefined);
      setLaunch(await api.post<ScormLaunch>(`/me/enrollments/${enrollmentId}/lessons/${lesson.id}/scorm-launch`, {}));
    } catch (err) {
      setError(err as ApiError);
    }
  };

  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      try {
        const e = await api.get<EnrollmentDetail>(`/enrollments/${enrollmentId}`);
        const mine = e.lessons.find((l) => l.lessonId === lesson.id);
        if (!cancelled && mine) setProgress({ active: mine.activeSeconds, completed: Boolean(mine.completedAt), courseCompleted: e.status === 'completed' });
      } catch {
        // a missed poll is retried on the next one
      }
    };
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [enrollmentId, lesson.id]);

  return (
    <>
      {launch ? (
        <iframe
          key={launch.sessionId}
          className="cmi5-frame"
          data-testid="scorm-frame"
          title={t('cmi5.frameTitle', { title: lesson.title })}
          src={launch.url}
          sandbox="allow-scripts allow-forms"
        />
      ) : null}
      <p>
        <button type="button" className="btn btn-primary" onClick={() => void start()}>
          {launch ? t('cmi5.relaunch') : t('cmi5.launch')}
        </button>
      </p>
      <p className="muted small">{t('scorm.howItWorks')}</p>
      {progress && (
        <div aria-live="polite" data-testid="scorm-progress">
          <p>{t('cmi5.studied', { time: fmtDuration(progress.active) })}</p>
          {progress.completed && (
            <p className="alert alert-ok" role="status">
              {progress.courseCompleted ? t('study.courseCompleted') : t('study.lessonCompleted')} <Link to={`/learning/${enrollmentId}`}>{t('study.backToCourse')}</Link>
            </p>
          )}
        </div>
      )}
      <ErrorBox error={error} />
    </>
  );
}
