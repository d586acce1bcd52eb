import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { CourseVersion, EnrollmentDetail, HeartbeatResult, StudySession } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, Loading, PageTitle, ProgressBar } from '../../ui/kit';
import { fmtDuration } from './enrollment';

interface Progress {
  active: number;
  required: number;
  lessonCompleted: boolean;
  courseCompleted: boolean;
  /** Device time of the last server answer, to tick the display between heartbeats. */
  at: number;
  maxCredit: number;
}

/**
 * Studies one online lesson. A study session is open while the page is visible; the server
 * credits the time between heartbeats by its own clock (capped), so the page only says "still
 * here". It beats every `heartbeatIntervalSeconds`, or sooner when less than that remains, so the
 * lesson completes on time. A hidden tab ends the session; coming back opens a new one.
 */
export function StudyPage() {
  const { enrollmentId = '', lessonId = '' } = useParams();
  const { t, label } = useI18n();
  const data = useLoad(async () => {
    const enrollment = await api.get<EnrollmentDetail>(`/enrollments/${enrollmentId}`);
    const version = await api.get<CourseVersion>(`/course-versions/${enrollment.courseVersionId}`);
    return { enrollment, lesson: version.lessons.find((l) => l.id === lessonId) };
  }, [enrollmentId, lessonId]);
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<ApiError>();
  const [now, setNow] = useState(Date.now());
  const [visible, setVisible] = useState(document.visibilityState === 'visible');

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  // One study session per visible period.
  const sessionRef = useRef<string | null>(null);
  useEffect(() => {
    if (!visible || !data.data?.lesson) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (r: { activeSeconds: number; requiredSeconds: number; lessonCompleted: boolean; courseCompleted?: boolean }, maxCredit: number) =>
      setProgress((prev) => ({
        active: r.activeSeconds,
        required: r.requiredSeconds,
        lessonCompleted: r.lessonCompleted,
        courseCompleted: Boolean(r.courseCompleted) || Boolean(prev?.courseCompleted),
        at: Date.now(),
        maxCredit,
      }));
    const schedule = (session: StudySession, active: number, required: number) => {
      const remaining = required - active;
      const seconds = remaining > 0 ? Math.min(session.heartbeatIntervalSeconds, Math.max(2, Math.ceil(remaining) + 1)) : session.heartbeatIntervalSeconds;
      timer = setTimeout(() => void beat(session), seconds * 1000);
    };
    const beat = async (session: StudySession) => {
      try {
        const r = await api.post<HeartbeatResult>(`/me/study-sessions/${session.sessionId}/heartbeat`);
        if (cancelled) return;
        apply(r, session.maxCreditSeconds);
        setError(undefined);
        schedule(session, r.activeSeconds, r.requiredSeconds);
      } catch (err) {
        if (cancelled) return;
        setError(err as ApiError);
        timer = setTimeout(() => void beat(session), session.heartbeatIntervalSeconds * 1000);
      }
    };
    api.post<StudySession>('/me/study-sessions', { enrollmentId, lessonId }).then(
      (session) => {
        if (cancelled) {
          void api.post(`/me/study-sessions/${session.sessionId}/end`).catch(() => undefined);
          return;
        }
        sessionRef.current = session.sessionId;
        apply(session, session.maxCreditSeconds);
        schedule(session, session.activeSeconds, session.requiredSeconds);
      },
      (err: unknown) => !cancelled && setError(err as ApiError),
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      const id = sessionRef.current;
      sessionRef.current = null;
      if (id) void api.post(`/me/study-sessions/${id}/end`).catch(() => undefined);
    };
  }, [visible, data.data?.lesson, enrollmentId, lessonId]);

  // A clock for the display between heartbeats.
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const { lesson, enrollment } = data.data;
  if (!lesson) return <ErrorBox error={new ApiError(404, 'NOT_FOUND', t('study.noLesson'))} />;

  const shown = progress ? (progress.lessonCompleted ? progress.active : progress.active + Math.min((now - progress.at) / 1000, progress.maxCredit)) : 0;
  const required = progress?.required ?? 0;
  const isVideo = lesson.type === 'video' && lesson.contentUrl && /\.(mp4|webm|ogg|m3u8)(\?|$)/i.test(lesson.contentUrl);

  return (
    <>
      <PageTitle title={lesson.title} back={`/learning/${enrollmentId}`}>
        <Badge tone="info">{label('lessonType.', lesson.type)}</Badge>
      </PageTitle>
      <p className="muted">{enrollment.title}</p>
      <section className="card study">
        {isVideo ? (
          <video className="lesson-video" controls preload="metadata" src={lesson.contentUrl ?? undefined}>
            <track kind="captions" />
          </video>
        ) : lesson.contentUrl ? (
          <p>
            <a className="btn" href={lesson.contentUrl} target="_blank" rel="noreferrer">
              {lesson.type === 'video' ? t('study.openVideo') : t('study.openDocument')}
            </a>
          </p>
        ) : (
          <div className="placeholder" aria-hidden="true">
            {lesson.type === 'video' ? '▶' : '📄'}
          </div>
        )}
        <p className="muted small">{t('study.howItWorks')}</p>
        <div aria-live="polite" data-testid="study-progress">
          {progress ? (
            <>
              <ProgressBar
                value={Math.min(Math.floor(shown), required)}
                max={required}
                label={t('study.progress', { done: fmtDuration(Math.min(shown, required)), total: fmtDuration(required) })}
                state={progress.lessonCompleted ? 'complete' : undefined}
              />
              {progress.lessonCompleted && (
                <p className="alert alert-ok" role="status">
                  {progress.courseCompleted ? t('study.courseCompleted') : t('study.lessonCompleted')} <Link to={`/learning/${enrollmentId}`}>{t('study.backToCourse')}</Link>
                </p>
              )}
            </>
          ) : (
            <Loading />
          )}
        </div>
        {!visible && <p className="alert alert-warn">{t('study.paused')}</p>}
        <ErrorBox error={error} />
      </section>
    </>
  );
}
