import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client';
import { ok, typedApi } from '../../api/client';
import type { Lesson, ScormLaunch } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui/kit';
import { fmtDuration } from './enrollment';

/** How often the page re-reads the lesson's progress while the course runs. */
const POLL_MS = 3000;

/**
 * A lesson from an authoring tool's package: the trainee launches it and it runs in a sandboxed
 * frame, reporting to the server by itself. A cmi5 AU talks to the platform's xAPI endpoint (launch
 * parameters in its URL); a SCORM SCO's pages come with the SCORM runtime (API / API_1484_11)
 * injected by the server, which commits the CMI data. This page shows the time the server has
 * credited and the completion as the server records them.
 */
export function PackagePlayer({ kind, enrollmentId, lesson }: { kind: 'cmi5' | 'scorm'; enrollmentId: string; lesson: Lesson }) {
  const { t } = useI18n();
  // Both launches answer the frame's URL; a relaunch is a new URL, so the frame starts afresh.
  const [launch, setLaunch] = useState<{ url: string; navigation?: ScormLaunch['navigation'] }>();
  const [error, setError] = useState<ApiError>();
  const [progress, setProgress] = useState<{ active: number; completed: boolean; courseCompleted: boolean }>();

  /** Launches (SCORM: by a navigation request — resume, 上一讲/下一讲, or a SCO picked from the list). */
  const start = async (nav: { navRequest?: 'continue' | 'previous' | 'choice'; scoId?: string } = {}) => {
    try {
      setError(undefined);
      const path = { enrollmentId, lessonId: lesson.id };
      setLaunch(
        kind === 'scorm'
          ? await ok(typedApi.POST('/me/enrollments/{enrollmentId}/lessons/{lessonId}/scorm-launch', { params: { path }, body: nav }))
          : await ok(typedApi.POST('/me/enrollments/{enrollmentId}/lessons/{lessonId}/cmi5-launch', { params: { path }, body: {} })),
      );
    } catch (err) {
      setError(err as ApiError);
    }
  };

  useEffect(() => {
    let cancelled = false;
    const read = async () => {
      try {
        const e = await ok(typedApi.GET('/enrollments/{enrollmentId}', { params: { path: { enrollmentId } } }));
        const mine = e.lessons.find((l) => l.lessonId === lesson.id);
        if (!cancelled && mine)
          setProgress({ active: mine.activeSeconds, completed: Boolean(mine.completedAt), courseCompleted: e.status === 'completed' });
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

  const navigation = launch?.navigation;
  return (
    <>
      {navigation && navigation.items.length > 1 && (
        <nav aria-label={t('scorm.outline')} data-testid="scorm-outline">
          <ol>
            {navigation.items.map((item) => (
              <li key={item.id}>
                {item.selectable ? (
                  <button type="button" className="btn-link" onClick={() => void start({ navRequest: 'choice', scoId: item.id })}>
                    {item.title}
                  </button>
                ) : (
                  <span aria-current={item.id === navigation.currentScoId ? 'step' : undefined}>{item.title}</span>
                )}
                {item.id === navigation.currentScoId && <span className="muted small">（{t('scorm.itemCurrent')}）</span>}
                {item.completed && <span className="muted small"> ✓ {t('scorm.itemDone')}</span>}
              </li>
            ))}
          </ol>
          <p>
            <button type="button" className="btn" disabled={!navigation.canPrevious} onClick={() => void start({ navRequest: 'previous' })}>
              {t('scorm.previous')}
            </button>{' '}
            <button type="button" className="btn" disabled={!navigation.canContinue} onClick={() => void start({ navRequest: 'continue' })}>
              {t('scorm.next')}
            </button>
          </p>
        </nav>
      )}
      {launch ? (
        <iframe
          key={launch.url}
          className="cmi5-frame"
          data-testid={`${kind}-frame`}
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
      <p className="muted small">{kind === 'scorm' ? t('scorm.howItWorks') : t('cmi5.howItWorks')}</p>
      {progress && (
        <div aria-live="polite" data-testid={`${kind}-progress`}>
          <p>{t('cmi5.studied', { time: fmtDuration(progress.active) })}</p>
          {progress.completed && (
            <p className="alert alert-ok" role="status">
              {progress.courseCompleted ? t('study.courseCompleted') : t('study.lessonCompleted')}{' '}
              <Link to={`/learning/${enrollmentId}`}>{t('study.backToCourse')}</Link>
            </p>
          )}
        </div>
      )}
      <ErrorBox error={error} />
    </>
  );
}
