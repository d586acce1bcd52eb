import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, ok, typedApi } from '../../api/client';
import type { AttentionCheck, StudySession } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, Loading, PageTitle, ProgressBar } from '../../ui/kit';
import { PackagePlayer } from './package-player';
import { fmtDuration } from './enrollment';

// pdf.js is about half a megabyte: only a document lesson downloads it (its worker is a separate file too).
const PdfViewer = lazy(() => import('./pdf-viewer').then((m) => ({ default: m.PdfViewer })));

interface Progress {
  active: number;
  required: number;
  lessonCompleted: boolean;
  courseCompleted: boolean;
}

/** Seconds a forward seek may go past the furthest watched point (timer jitter). */
const SEEK_TOLERANCE = 2;

/**
 * Studies one online lesson. The server credits time by its own clock: for a hosted video only
 * while playback advances the furthest watched point at normal speed, so this page plays at 1×
 * and snaps a seek past that point back. Heartbeats carry the position, visibility, focus and
 * seconds since the last input. An attention check pauses the video until answered; a session
 * opened elsewhere stops this one (the page says why and offers to continue here).
 */
export function StudyPage() {
  const { enrollmentId = '', lessonId = '' } = useParams();
  const { t, label } = useI18n();
  const data = useLoad(async () => {
    const enrollment = await ok(typedApi.GET('/enrollments/{enrollmentId}', { params: { path: { enrollmentId } } }));
    const version = await ok(typedApi.GET('/course-versions/{versionId}', { params: { path: { versionId: enrollment.courseVersionId } } }));
    return { enrollment, lesson: version.lessons.find((l) => l.id === lessonId) };
  }, [enrollmentId, lessonId]);
  const [session, setSession] = useState<StudySession>();
  const [progress, setProgress] = useState<Progress>();
  const [check, setCheck] = useState<AttentionCheck | null>(null);
  // Why the last heartbeat credited nothing (changes with every heartbeat)…
  const [notice, setNotice] = useState<string>();
  // …and what became of the trainee's own last action (a blocked seek, a late or wrong answer): it
  // stays until the next such action, so a heartbeat arriving a moment later does not wipe it.
  const [actionNotice, setActionNotice] = useState<string>();
  const [superseded, setSuperseded] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const furthest = useRef(0);
  const lastInput = useRef(Date.now());
  const latestUrl = useRef<string | null>(null);

  // Input of any kind counts as presence.
  useEffect(() => {
    const mark = () => (lastInput.current = Date.now());
    const events = ['mousemove', 'keydown', 'touchstart', 'scroll', 'click'];
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, mark));
  }, []);

  const report = useCallback(() => {
    const v = video.current;
    return {
      ...(v ? { position: v.currentTime, playbackRate: v.playbackRate } : {}),
      visible: document.visibilityState === 'visible',
      focused: document.hasFocus(),
      idleSeconds: Math.floor((Date.now() - lastInput.current) / 1000),
    };
  }, []);

  // One study session while the page is open; heartbeats every interval (sooner near the end).
  useEffect(() => {
    // A cmi5 lesson has no study session: its AU reports, the server caps (PackagePlayer).
    // Nor has a SCORM lesson: its runtime commits, the server observes (PackagePlayer).
    if (!data.data?.lesson || data.data.lesson.type === 'cmi5' || data.data.lesson.type === 'scorm') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sessionId: string | null = null;
    const apply = (r: { activeSeconds: number; requiredSeconds: number; lessonCompleted: boolean; courseCompleted?: boolean }) =>
      setProgress((prev) => ({
        active: r.activeSeconds,
        required: r.requiredSeconds,
        lessonCompleted: r.lessonCompleted,
        courseCompleted: Boolean(r.courseCompleted) || Boolean(prev?.courseCompleted),
      }));
    const schedule = (s: StudySession, active: number, required: number) => {
      const remaining = required - active;
      const seconds =
        remaining > 0 ? Math.min(s.heartbeatIntervalSeconds, Math.max(2, Math.ceil(remaining) + 1)) : s.heartbeatIntervalSeconds;
      timer = setTimeout(() => void beat(s), seconds * 1000);
    };
    const beat = async (s: StudySession) => {
      try {
        const r = await ok(
          typedApi.POST('/me/study-sessions/{sessionId}/heartbeat', { params: { path: { sessionId: s.sessionId } }, body: report() }),
        );
        if (cancelled) return;
        apply(r);
        furthest.current = Math.max(furthest.current, r.furthestPosition);
        if (r.contentUrl) latestUrl.current = r.contentUrl;
        if (r.attentionCheck) {
          video.current?.pause();
          setCheck(r.attentionCheck);
        }
        setNotice(r.verdict === 'idle' ? t('study.idle') : r.verdict === 'check' ? t('study.checkPending') : undefined);
        setError(undefined);
        schedule(s, r.activeSeconds, r.requiredSeconds);
      } catch (err) {
        if (cancelled) return;
        if (err instanceof ApiError && err.code === 'STUDY_SESSION_SUPERSEDED') {
          video.current?.pause();
          sessionId = null;
          setSuperseded(true);
          return;
        }
        setError(err as ApiError);
        timer = setTimeout(() => void beat(s), s.heartbeatIntervalSeconds * 1000);
      }
    };
    setSuperseded(false);
    ok(typedApi.POST('/me/study-sessions', { body: { enrollmentId, lessonId } })).then(
      (s) => {
        if (cancelled) {
          void ok(typedApi.POST('/me/study-sessions/{sessionId}/end', { params: { path: { sessionId: s.sessionId } }, body: {} })).catch(
            () => undefined,
          );
          return;
        }
        sessionId = s.sessionId;
        furthest.current = s.furthestPosition;
        latestUrl.current = s.content?.url ?? null;
        setSession(s);
        apply(s);
        schedule(s, s.activeSeconds, s.requiredSeconds);
      },
      (err: unknown) => !cancelled && setError(err as ApiError),
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      if (sessionId)
        void ok(typedApi.POST('/me/study-sessions/{sessionId}/end', { params: { path: { sessionId } }, body: report() })).catch(
          () => undefined,
        );
    };
  }, [data.data?.lesson, enrollmentId, lessonId, attempt, report, t]);

  const onLoadedMetadata = () => {
    const v = video.current;
    if (v && session) v.currentTime = Math.min(session.resumePosition, furthest.current);
  };
  // Normal playback moves the furthest point along; a jump beyond it is put back.
  const onTimeUpdate = () => {
    const v = video.current;
    if (v && !v.seeking && v.currentTime <= furthest.current + SEEK_TOLERANCE) furthest.current = Math.max(furthest.current, v.currentTime);
  };
  const onSeeking = () => {
    const v = video.current;
    if (v && v.currentTime > furthest.current + SEEK_TOLERANCE) {
      v.currentTime = furthest.current;
      setActionNotice(t('study.seekBlocked'));
    }
  };
  const onRateChange = () => {
    if (video.current && video.current.playbackRate !== 1) video.current.playbackRate = 1;
  };
  // An expired signed URL: take the fresh one from the last heartbeat and go on where playback was.
  const onVideoError = () => {
    const v = video.current;
    if (!v || !latestUrl.current || v.src.endsWith(latestUrl.current)) return;
    const at = v.currentTime;
    v.src = latestUrl.current;
    v.currentTime = at;
  };

  const answer = async (value?: string) => {
    if (!session || !check) return;
    try {
      const r = await ok(
        typedApi.POST('/me/study-sessions/{sessionId}/attention-checks/{checkId}/answer', {
          params: { path: { sessionId: session.sessionId, checkId: check.id } },
          body: value ? { answer: value } : {},
        }),
      );
      setCheck(null);
      setNotice(undefined);
      setActionNotice(r.reason === 'late' ? t('study.checkLate') : r.reason === 'wrong' ? t('study.checkWrong') : undefined);
      void video.current?.play().catch(() => undefined);
    } catch (err) {
      setError(err as ApiError);
    }
  };

  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const { lesson, enrollment } = data.data;
  if (!lesson) return <ErrorBox error={new ApiError(404, 'NOT_FOUND', t('study.noLesson'))} />;
  if (lesson.type === 'cmi5' || lesson.type === 'scorm') {
    return (
      <>
        <PageTitle title={lesson.title} back={`/learning/${enrollmentId}`}>
          <Badge tone="info">{label('lessonType.', lesson.type)}</Badge>
        </PageTitle>
        <p className="muted">{enrollment.title}</p>
        <section className="card study">
          <PackagePlayer kind={lesson.type === 'cmi5' ? 'cmi5' : 'scorm'} enrollmentId={enrollmentId} lesson={lesson} />
        </section>
      </>
    );
  }
  const content = session?.content ?? null;
  const required = progress?.required ?? 0;
  const shown = progress?.active ?? 0;

  return (
    <>
      <PageTitle title={lesson.title} back={`/learning/${enrollmentId}`}>
        <Badge tone="info">{label('lessonType.', lesson.type)}</Badge>
      </PageTitle>
      <p className="muted">{enrollment.title}</p>
      <section className="card study">
        {content?.kind === 'video' ? (
          <>
            <video
              ref={video}
              className="lesson-video"
              data-testid="lesson-video"
              controls
              controlsList="nodownload noplaybackrate"
              disablePictureInPicture
              preload="metadata"
              src={content.url}
              onLoadedMetadata={onLoadedMetadata}
              onTimeUpdate={onTimeUpdate}
              onSeeking={onSeeking}
              onRateChange={onRateChange}
              onError={onVideoError}
            >
              <track kind="captions" />
            </video>
            <p className="muted small">{t('study.videoRules')}</p>
          </>
        ) : content?.kind === 'document' ? (
          <Suspense fallback={<Loading />}>
            <PdfViewer url={content.url} />
          </Suspense>
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
        {check && (
          <div className="alert alert-warn" role="alertdialog" aria-labelledby="check-title" data-testid="attention-check">
            <strong id="check-title">{t('study.checkTitle')}</strong>
            <p>{check.prompt}</p>
            {check.kind === 'confirm' ? (
              <button type="button" className="btn btn-primary" onClick={() => void answer()}>
                {t('study.checkConfirm')}
              </button>
            ) : (
              <div className="toolbar" role="group" aria-label={t('study.checkOptions')}>
                {check.options.map((o) => (
                  <button key={o.id} type="button" className="btn" onClick={() => void answer(o.id)}>
                    {o.text}
                  </button>
                ))}
              </div>
            )}
          </div>
        )}
        {superseded && (
          <div className="alert alert-warn" role="alert" data-testid="study-superseded">
            <p>{t('study.superseded')}</p>
            <button type="button" className="btn" onClick={() => setAttempt(attempt + 1)}>
              {t('study.continueHere')}
            </button>
          </div>
        )}
        {actionNotice && (
          <p className="alert alert-warn" role="status" data-testid="study-notice">
            {actionNotice}
          </p>
        )}
        {notice && (
          <p className="alert alert-warn" role="status" data-testid="study-notice">
            {notice}
          </p>
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
                  {progress.courseCompleted ? t('study.courseCompleted') : t('study.lessonCompleted')}{' '}
                  <Link to={`/learning/${enrollmentId}`}>{t('study.backToCourse')}</Link>
                </p>
              )}
            </>
          ) : (
            <Loading />
          )}
        </div>
        <ErrorBox error={error} />
      </section>
    </>
  );
}
