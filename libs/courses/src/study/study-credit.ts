/**
 * The crediting rule of one heartbeat, as a pure function of what the server knows. The server's
 * clock decides how much time passed; the client's report (playback position, page visibility,
 * input) can only lower the credit, never raise it above the elapsed server time.
 */

/** Why a heartbeat credited nothing, or 'ok'. */
export type BeatVerdict = 'ok' | 'paused' | 'ahead' | 'rate' | 'idle' | 'hidden' | 'check' | 'complete';

/** What the player reports with a heartbeat (all optional: an old client reports nothing). */
export interface BeatReport {
  /** Playback position in seconds (video). */
  position?: number;
  playbackRate?: number;
  /** The page is visible (document.visibilityState). */
  visible?: boolean;
  /** The window has focus. */
  focused?: boolean;
  /** Seconds since the last mouse, key or touch input. */
  idleSeconds?: number;
}

export interface BeatState {
  /** 'position' for hosted video (credit follows the furthest watched point), 'time' otherwise. */
  mode: 'position' | 'time';
  /** Server seconds since the session's last credited moment (may carry a fraction). */
  elapsedSeconds: number;
  /** The most one heartbeat may credit. */
  maxCreditSeconds: number;
  /** Furthest position watched without skipping, seconds (video). */
  furthestPosition: number;
  /** Length of the video, seconds. */
  durationSeconds: number | null;
  /** An attention check is open. */
  checkOpen: boolean;
  /** Seconds without input, while hidden or unfocused, that count as idle. */
  idleAfterSeconds: number;
}

export interface BeatOutcome {
  verdict: BeatVerdict;
  /** Whole seconds to add to the lesson's (and session's) time. */
  creditSeconds: number;
  /** The furthest watched position after this beat (unchanged unless credited). */
  furthestPosition: number;
  /** The position to remember for resuming, clamped to the video. */
  position: number | null;
  /**
   * Seconds of server time consumed by this beat: in time mode the whole seconds credited (so
   * fractions carry to the next beat); otherwise all of the elapsed time.
   */
  consumedSeconds: number;
}

/** Network and timer jitter allowed between the player's position and the server's clock. */
export const POSITION_TOLERANCE_SECONDS = 2;

export function assessBeat(state: BeatState, report: BeatReport): BeatOutcome {
  const allowance = Math.max(0, Math.min(state.elapsedSeconds, state.maxCreditSeconds));
  const duration = state.durationSeconds;
  const rawPosition = typeof report.position === 'number' && Number.isFinite(report.position) ? Math.max(0, report.position) : null;
  const position = rawPosition === null ? null : duration !== null ? Math.min(rawPosition, duration) : rawPosition;
  const none = (verdict: BeatVerdict): BeatOutcome => ({
    verdict,
    creditSeconds: 0,
    furthestPosition: state.furthestPosition,
    position,
    consumedSeconds: state.elapsedSeconds,
  });

  if (state.checkOpen) return none('check');
  const visible = report.visible !== false;
  const focused = report.focused !== false;
  // Idle: nobody touched anything for a while and the page is hidden or in the background.
  if ((!visible || !focused) && (report.idleSeconds ?? 0) >= state.idleAfterSeconds) return none('idle');

  if (state.mode === 'time') {
    // Documents: time on a visible page, capped per heartbeat.
    if (!visible) return none('hidden');
    const credit = Math.floor(allowance);
    return {
      verdict: 'ok',
      creditSeconds: credit,
      furthestPosition: state.furthestPosition,
      position,
      consumedSeconds: state.elapsedSeconds > state.maxCreditSeconds ? state.elapsedSeconds : credit,
    };
  }

  if ((report.playbackRate ?? 1) > 1) return none('rate');
  if (position === null || position <= state.furthestPosition) {
    // Watching again what was already watched is free, and so is a pause.
    return none(duration !== null && state.furthestPosition >= duration ? 'complete' : 'paused');
  }
  if (position > state.furthestPosition + allowance + POSITION_TOLERANCE_SECONDS) return none('ahead');
  const furthest = Math.min(position, state.furthestPosition + allowance);
  return {
    verdict: 'ok',
    // Whole seconds of the furthest point, so the fractions add up over the beats.
    creditSeconds: Math.floor(furthest) - Math.floor(state.furthestPosition),
    furthestPosition: furthest,
    position,
    consumedSeconds: state.elapsedSeconds,
  };
}

/**
 * Adds a played stretch to a session's evidence: extends the last interval when playback went on
 * from where it was, starts a new one after a seek. Positions are rounded to tenths.
 */
export function extendWatched(
  watched: readonly [number, number][],
  from: number | null,
  to: number | null,
  elapsedSeconds: number,
): [number, number][] {
  if (from === null || to === null || to <= from || to - from > elapsedSeconds + POSITION_TOLERANCE_SECONDS) return [...watched];
  const round = (n: number) => Math.round(n * 10) / 10;
  const last = watched[watched.length - 1];
  if (last && Math.abs(last[1] - from) <= POSITION_TOLERANCE_SECONDS) return [...watched.slice(0, -1), [last[0], round(to)]];
  return [...watched, [round(from), round(to)]];
}

/** Merges intervals (e.g. of several sessions) into a sorted list without overlaps. */
export function mergeIntervals(intervals: readonly [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
