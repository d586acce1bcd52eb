import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ApiError } from '../../api/client';
import { ok, serverNow, typedApi } from '../../api/client';
import type { Attempt } from '../../api/types';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, FormError, Loading, PageTitle } from '../../ui/kit';
import { nextAttempt, useStartAttempt } from './attempt-rules';

const AUTOSAVE_DELAY_MS = 1200;

/**
 * Sitting an exam: the countdown runs on the server's clock (offset from the Date header), every
 * change is saved shortly after it is made, and at the deadline the page saves and submits. The
 * server grades once and enforces the deadline itself; the page only keeps the trainee informed.
 */
export function AttemptPage() {
  const { attemptId = '' } = useParams();
  const [params] = useSearchParams();
  const enrollment = params.get('enrollment');
  const { t } = useI18n();
  const loaded = useLoad(() => ok(typedApi.GET('/me/exam-attempts/{attemptId}', { params: { path: { attemptId } } })), [attemptId]);
  const attempt = loaded.data;

  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!attempt) return <Loading />;
  const back = enrollment ? `/learning/${enrollment}` : `/exams/${attempt.paperId}`;
  return attempt.status === 'open' ? (
    <OpenAttempt attempt={attempt} onSubmitted={loaded.set} back={back} />
  ) : (
    <>
      <PageTitle title={attempt.paperTitle} back={back} />
      <AttemptResult attempt={attempt} />
      <p className="row-actions">
        {!attempt.result?.passed && <RetakeButton paperId={attempt.paperId} suffix={enrollment ? `?enrollment=${enrollment}` : ''} />}
        <Link className="btn" to={back}>
          {enrollment ? t('exam.backToCourse') : t('exam.backToPaper')}
        </Link>
      </p>
    </>
  );
}

/** After a failed attempt: start the next one here when the paper still allows it, or say when it will. */
function RetakeButton({ paperId, suffix }: { paperId: string; suffix: string }) {
  const { t, dateTime } = useI18n();
  const paper = useLoad(() => ok(typedApi.GET('/me/exam-papers/{paperId}', { params: { path: { paperId } } })), [paperId]);
  const start = useStartAttempt(paperId, suffix);
  if (!paper.data) return null;
  const p = paper.data;
  const next = nextAttempt(p, serverNow());
  if (p.openAttemptId) {
    return (
      <Link className="btn btn-primary" to={`/attempts/${p.openAttemptId}${suffix}`}>
        {t('exam.continue')}
      </Link>
    );
  }
  if (!next.canStart) {
    if (next.attemptsLeft === 0) return <span className="muted">{t('exam.noAttemptsLeft')}</span>;
    return p.nextAttemptAt ? <span className="muted">{t('exam.nextAttemptAt', { at: dateTime(p.nextAttemptAt) })}</span> : null;
  }
  return (
    <>
      <button type="button" className="btn btn-primary" disabled={start.busy} onClick={start.start}>
        {next.attemptsLeft === null ? t('exam.retake') : t('exam.retakeLeft', { n: next.attemptsLeft })}
      </button>
      <FormError error={start.error} />
    </>
  );
}

function OpenAttempt({ attempt, onSubmitted, back }: { attempt: Attempt; onSubmitted(a: Attempt): void; back: string }) {
  const { t, label, dateTime } = useI18n();
  const [answers, setAnswers] = useState<Record<number, string[]>>(() =>
    Object.fromEntries(attempt.items.map((i) => [i.position, i.selectedOptionIds])),
  );
  const dirty = useRef(new Set<number>());
  const [saveState, setSaveState] = useState<{ at?: string; saving: boolean; error?: ApiError }>({ saving: false });
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError>();
  const [now, setNow] = useState(serverNow());
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const deadline = Date.parse(attempt.deadlineAt);

  const save = useCallback(async () => {
    const positions = [...dirty.current];
    if (positions.length === 0) return true;
    dirty.current.clear();
    setSaveState((s) => ({ ...s, saving: true }));
    try {
      const r = await ok(
        typedApi.PUT('/me/exam-attempts/{attemptId}/answers', {
          params: { path: { attemptId: attempt.id } },
          body: { answers: positions.map((position) => ({ position, optionIds: answersRef.current[position] ?? [] })) },
        }),
      );
      setSaveState({ saving: false, at: r.savedAt });
      return true;
    } catch (error) {
      for (const p of positions) dirty.current.add(p);
      setSaveState({ saving: false, error: error as ApiError });
      return false;
    }
  }, [attempt.id]);

  // Autosave a moment after the last change.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const choose = (position: number, optionIds: string[]) => {
    setAnswers((a) => ({ ...a, [position]: optionIds }));
    dirty.current.add(position);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  };

  const submit = useCallback(async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    clearTimeout(timer.current);
    await save();
    try {
      onSubmitted(await ok(typedApi.POST('/me/exam-attempts/{attemptId}/submit', { params: { path: { attemptId: attempt.id } } })));
    } catch (error) {
      setSubmitError(error as ApiError);
      setSubmitting(false);
    }
  }, [attempt.id, onSubmitted, save]);

  // The countdown; at zero the page submits (the server would too, a little later).
  const autoSubmitted = useRef(false);
  useEffect(() => {
    const id = setInterval(() => {
      const current = serverNow();
      setNow(current);
      if (current >= deadline && !autoSubmitted.current) {
        autoSubmitted.current = true;
        void submit();
      }
    }, 500);
    return () => clearInterval(id);
  }, [deadline, submit]);

  // Save what is pending when the page is hidden or closed.
  useEffect(() => {
    const flush = () => document.visibilityState === 'hidden' && void save();
    document.addEventListener('visibilitychange', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      void save();
    };
  }, [save]);

  const remaining = Math.max(0, Math.floor((deadline - now) / 1000));
  const unanswered = attempt.items.filter((i) => (answers[i.position] ?? []).length === 0).length;
  const urgent = remaining <= 60;

  return (
    <>
      <PageTitle title={attempt.paperTitle} back={back} />
      <div className={`exam-bar${urgent ? ' urgent' : ''}`} role="timer" aria-live={urgent ? 'assertive' : 'off'} data-testid="exam-timer">
        <span>
          {t('exam.remaining')} <strong className="mono">{fmtClock(remaining)}</strong>
        </span>
        <span className="muted small" aria-live="polite" data-testid="autosave">
          {saveState.saving
            ? t('exam.saving')
            : saveState.error
              ? t('exam.saveFailed')
              : saveState.at
                ? t('exam.savedAt', { at: dateTime(saveState.at) })
                : t('exam.autosave')}
        </span>
      </div>
      <form
        className="exam"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        {attempt.items.map((item) => {
          const chosen = answers[item.position] ?? [];
          const multiple = item.type === 'multiple';
          return (
            <fieldset key={item.position} className="card question">
              <legend>
                <span className="q-no">{item.position}.</span> <Badge>{label('questionType.', item.type)}</Badge>{' '}
                <span className="muted small">{t('exam.points', { n: item.points })}</span>
              </legend>
              <p className="stem">{item.stem}</p>
              <div className="options">
                {item.options.map((o) => (
                  <label key={o.id} className={`option${chosen.includes(o.id) ? ' chosen' : ''}`}>
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={`q${item.position}`}
                      value={o.id}
                      checked={chosen.includes(o.id)}
                      onChange={(e) =>
                        choose(
                          item.position,
                          multiple ? (e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id)) : [o.id],
                        )
                      }
                    />
                    <span>{o.text}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <FormError error={saveState.error} />
        <FormError error={submitError} />
        {confirming ? (
          <div className="card confirm" role="alertdialog" aria-labelledby="confirm-title">
            <p id="confirm-title">
              <strong>{unanswered > 0 ? t('exam.confirmUnanswered', { n: unanswered }) : t('exam.confirm')}</strong>
            </p>
            <div className="row-actions">
              <button type="button" className="btn btn-primary" disabled={submitting} onClick={() => void submit()} autoFocus>
                {submitting ? t('common.working') : t('exam.confirmSubmit')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                {t('exam.keepGoing')}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="btn btn-primary">
            {t('exam.submit')}
          </button>
        )}
      </form>
    </>
  );
}

function AttemptResult({ attempt }: { attempt: Attempt }) {
  const { t, dateTime } = useI18n();
  const r = attempt.result;
  return (
    <section className={`card ${r?.passed ? 'success' : ''}`} aria-live="polite" data-testid="exam-result">
      <h2>{t('exam.resultTitle', { n: attempt.attemptNo })}</h2>
      {r ? (
        <>
          <p className="score">
            <strong>{r.score}</strong> / {r.maxScore} （{r.percent}%）
            <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? t('exam.passed') : t('exam.failed')}</Badge>
          </p>
          <p className="muted">
            {t('exam.passMarkIs', { n: r.passMarkPercent })} · {t('exam.submittedAtIs', { at: dateTime(attempt.submittedAt) })}
            {attempt.submission === 'deadline' ? ` · ${t('exam.byDeadline')}` : ''}
          </p>
        </>
      ) : (
        <p>{t('exam.noResult')}</p>
      )}
      {attempt.review && (
        <ol className="review">
          {attempt.review.map((rv) => {
            const item = attempt.items.find((i) => i.position === rv.position);
            return (
              <li key={rv.position}>
                <Badge tone={rv.correct ? 'ok' : 'bad'}>{rv.correct ? t('exam.correct') : t('exam.wrong')}</Badge> {item?.stem}
                <div className="muted small">
                  {t('exam.answerIs', {
                    a: item
                      ? item.options
                          .filter((o) => rv.correctOptionIds.includes(o.id))
                          .map((o) => o.text)
                          .join('、')
                      : '',
                  })}
                  {rv.explanation ? ` · ${rv.explanation}` : ''}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function fmtClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
