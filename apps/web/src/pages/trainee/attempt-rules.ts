import { useNavigate } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { TraineePaper } from '../../api/types';
import { useAction } from '../../ui/hooks';

/** What the trainee may do next with a paper: continue, start (again), or wait / nothing left. */
export interface NextAttempt {
  /** Attempts still allowed (null: no limit). */
  attemptsLeft: number | null;
  /** A new attempt can be started now. */
  canStart: boolean;
}

/** The paper's own rules (limit, cooldown, passed) as the server reported them; the server decides again on start. */
export function nextAttempt(p: TraineePaper, now: number): NextAttempt {
  const attemptsLeft = p.maxAttempts === null ? null : Math.max(0, p.maxAttempts - p.attemptsUsed);
  const coolingDown = p.nextAttemptAt !== null && Date.parse(p.nextAttemptAt) > now;
  return { attemptsLeft, canStart: !p.passed && !p.openAttemptId && attemptsLeft !== 0 && !coolingDown };
}

/** Starts an attempt on the server (which draws the questions) and opens it; `busy` and `error` for the button. */
export function useStartAttempt(paperId: string, suffix: string) {
  const navigate = useNavigate();
  const action = useAction();
  const start = async () => {
    const attempt = await action.run(() => ok(typedApi.POST('/me/exam-papers/{paperId}/attempts', { params: { path: { paperId } } })));
    if (attempt) navigate(`/attempts/${attempt.id}${suffix}`);
  };
  return { start, busy: action.busy, error: action.error };
}
