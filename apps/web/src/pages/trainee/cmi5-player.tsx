import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Cmi5Launch, EnrollmentDetail, Lesson } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui/kit';
import { fmtDuration } from './enrollment';

/** How often the page re-reads the lesson's progress while the course runs. */
const POLL_MS = 3000;

/**
 * A cmi5 lesson: the trainee launches the course's AU, which runs in a sandboxed frame and talks
 * to the platform's xAPI endpoint itself (launch parameters in its URL). The page shows the time
 * the server has credited and the completion as the server records them.
 */
export function Cmi5Player({ enrollmentId, lesson }: { enrollmentId: string; lesson: Lesson }) {
  const { t } = useI18n();
  const [launch, setLaunch] = useState<Cmi5Launch>();
  const [error, setError] = useState<ApiError>();
  const [progress, setProgress] = useState<{ active: number; completed: boolean; courseCompleted: boolean }>();

  const start = async () => {
    try {
      setError(undefined);
      setLaunch(await api.post<Cmi5Launch>(`/me/enrollments/${enrollmentId}/lessons/${lesson.id}/cmi5-launch`, {}));
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
          className="cmi5-frame"
          data-testid="cmi5-frame"
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
      <p className="muted small">{t('cmi5.howItWorks')}</p>
      {progress && (
        <div aria-live="polite" data-testid="cmi5-progress">
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
