import { formatIsoDuration, parseIsoDuration } from '../iso-duration';
import type { ScormSco, ScormVersion } from './scorm-manifest';

/**
 * The CMI data the server keeps for a SCO (flattened, by the standard's element names) and the
 * rules read from it: what resumes the SCO, whether it is complete. Only these elements are kept;
 * the rest of a commit (interactions, objectives, preferences) is not stored.
 */
export type StoredCmi = Record<string, string>;

/** A commit's data, checked: the kept elements, and the session_time reported (seconds), if any. */
export interface CheckedCommit {
  cmi: StoredCmi;
  sessionSeconds: number | null;
}

/** A commit element the server refuses, worded for people (Chinese). */
export class ScormCommitError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface Element {
  path: string[];
  max: number;
  values?: readonly string[];
}

const STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
const EXIT_12 = ['time-out', 'suspend', 'logout', ''] as const;

const ELEMENTS: Record<ScormVersion, Record<string, Element>> = {
  '1.2': {
    'cmi.core.lesson_location': { path: ['core', 'lesson_location'], max: 255 },
    'cmi.core.lesson_status': { path: ['core', 'lesson_status'], max: 20, values: STATUS_12 },
    'cmi.core.exit': { path: ['core', 'exit'], max: 20, values: EXIT_12 },
    'cmi.core.score.raw': { path: ['core', 'score', 'raw'], max: 20 },
    'cmi.suspend_data': { path: ['suspend_data'], max: 4096 },
  },
  '2004': {
    'cmi.location': { path: ['location'], max: 1000 },
    'cmi.completion_status': { path: ['completion_status'], max: 20, values: ['completed', 'incomplete', 'not attempted', 'unknown'] },
    'cmi.success_status': { path: ['success_status'], max: 20, values: ['passed', 'failed', 'unknown'] },
    'cmi.exit': { path: ['exit'], max: 20, values: ['time-out', 'suspend', 'logout', 'normal', ''] },
    'cmi.score.scaled': { path: ['score', 'scaled'], max: 20 },
    'cmi.score.raw': { path: ['score', 'raw'], max: 20 },
    'cmi.progress_measure': { path: ['progress_measure'], max: 20 },
    'cmi.suspend_data': { path: ['suspend_data'], max: 64000 },
  },
};

const NUMERIC = new Set(['cmi.core.score.raw', 'cmi.score.scaled', 'cmi.score.raw', 'cmi.progress_measure']);

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) in whole seconds, or null. */
export function parseTimespan12(text: string): number | null {
  const m = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

export function formatTimespan12(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.min(9999, Math.floor(s / 3600))).padStart(4, '0')}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/**
 * Checks a commit's CMI object (the runtime's JSON of `cmi`, nested as scorm-again renders it)
 * and its session_time: too long or unknown values are refused with the element named.
 */
export function checkCommit(version: ScormVersion, cmi: unknown, sessionTime: unknown): CheckedCommit {
  if (typeof cmi !== 'object' || cmi === null || Array.isArray(cmi)) throw new ScormCommitError('cmi', '必须是 JSON 对象');
  const kept: StoredCmi = {};
  for (const [name, element] of Object.entries(ELEMENTS[version])) {
    let value: unknown = cmi;
    for (const key of element.path)
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && typeof value !== 'number') throw new ScormCommitError(name, '必须是字符串');
    const text = String(value);
    if (text.length > element.max) throw new ScormCommitError(name, `不能超过 ${element.max} 个字符`);
    if (element.values && !element.values.includes(text)) throw new ScormCommitError(name, `不是有效的取值：${text.slice(0, 40)}`);
    if (NUMERIC.has(name) && !Number.isFinite(Number(text))) throw new ScormCommitError(name, '必须是数字');
    kept[name] = text;
  }
  let sessionSeconds: number | null = null;
  if (sessionTime !== undefined && sessionTime !== null && sessionTime !== '') {
    if (typeof sessionTime !== 'string') throw new ScormCommitError('sessionTime', '必须是字符串');
    sessionSeconds = version === '1.2' ? parseTimespan12(sessionTime) : parseIsoDuration(sessionTime);
    if (sessionSeconds === null)
      throw new ScormCommitError('sessionTime', version === '1.2' ? '须是 HHHH:MM:SS 格式' : '须是 ISO 8601 时长');
  }
  return { cmi: kept, sessionSeconds };
}

/**
 * Whether the SCO is complete by what it reported. SCORM 1.2: lesson_status completed or passed;
 * with a mastery score and a raw score, the score decides (passed at or above it). SCORM 2004:
 * completion_status completed (or progress_measure at the completion threshold), and not failed
 * (with a measure-satisfied primary objective, score.scaled must reach its minimum). A 2004 SCO
 * whose content does not set completion (completionSetByContent=false) is never complete by this
 * rule: its lesson completes by time (see ScormService).
 */
export function scoComplete(version: ScormVersion, sco: ScormSco, cmi: StoredCmi): boolean {
  if (version === '1.2') {
    const raw = cmi['cmi.core.score.raw'];
    if (sco.masteryScore !== null && raw !== undefined) return Number(raw) >= sco.masteryScore;
    return cmi['cmi.core.lesson_status'] === 'completed' || cmi['cmi.core.lesson_status'] === 'passed';
  }
  if (!sco.completionSetByContent) return false;
  const measure = cmi['cmi.progress_measure'];
  const completed =
    sco.completionThreshold !== null && measure !== undefined
      ? Number(measure) >= sco.completionThreshold
      : cmi['cmi.completion_status'] === 'completed';
  if (!completed) return false;
  if (sco.minNormalizedMeasure !== null) {
    const scaled = cmi['cmi.score.scaled'];
    return scaled !== undefined && Number(scaled) >= sco.minNormalizedMeasure;
  }
  return cmi['cmi.success_status'] !== 'failed';
}

/** The CMI to load into the runtime at launch (scorm-again `loadFromJSON`): the learner, and what resumes the SCO. */
export function launchCmi(
  version: ScormVersion,
  sco: ScormSco,
  learner: { id: string; name: string },
  stored: StoredCmi | null,
  totalSeconds: number,
): Record<string, unknown> {
  const s = stored ?? {};
  if (version === '1.2') {
    const entry = !stored ? 'ab-initio' : s['cmi.core.exit'] === 'suspend' ? 'resume' : '';
    return {
      core: {
        student_id: learner.id,
        student_name: learner.name,
        lesson_location: s['cmi.core.lesson_location'] ?? '',
        lesson_status: s['cmi.core.lesson_status'] ?? 'not attempted',
        entry,
        total_time: formatTimespan12(totalSeconds),
        ...(s['cmi.core.score.raw'] !== undefined ? { score: { raw: s['cmi.core.score.raw'] } } : {}),
      },
      suspend_data: s['cmi.suspend_data'] ?? '',
      launch_data: sco.launchData ?? '',
      ...(sco.masteryScore !== null ? { student_data: { mastery_score: String(sco.masteryScore) } } : {}),
    };
  }
  const entry = !stored ? 'ab-initio' : s['cmi.exit'] === 'suspend' ? 'resume' : '';
  return {
    learner_id: learner.id,
    learner_name: learner.name,
    location: s['cmi.location'] ?? '',
    completion_status: s['cmi.completion_status'] ?? 'unknown',
    success_status: s['cmi.success_status'] ?? 'unknown',
    entry,
    total_time: formatIsoDuration(totalSeconds),
    suspend_data: s['cmi.suspend_data'] ?? '',
    launch_data: sco.launchData ?? '',
    ...(s['cmi.progress_measure'] !== undefined ? { progress_measure: s['cmi.progress_measure'] } : {}),
  };
}
