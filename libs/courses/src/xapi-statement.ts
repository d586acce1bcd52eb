import { createHash } from 'node:crypto';
import { isUUID } from 'class-validator';
import { CourseErrors } from './courses.errors';
import { parseIsoDuration } from './iso-duration';

/** The verbs whose `result.duration` is credited (capped), by their ADL IRIs. */
export const XAPI_VERBS = {
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
  'http://adlnet.gov/expapi/verbs/progressed': 'progressed',
  'http://adlnet.gov/expapi/verbs/terminated': 'terminated',
} as const;
export type XapiVerb = (typeof XAPI_VERBS)[keyof typeof XAPI_VERBS];
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** The longest `result.duration` taken, in seconds (about 68 years: what a 32-bit column holds). */
export const MAX_DURATION_SECONDS = 2_147_483_647;

/** Verbs that credit their duration; `failed` is known but credits nothing. */
export const CREDITING_VERBS: ReadonlySet<string> = new Set(['completed', 'passed', 'progressed', 'terminated']);

export interface ParsedStatement {
  /** The statement's id, or null when the sender gave none (we then assign one). */
  id: string | null;
  username: string;
  /** The short name of a known verb, `voided`, or the verb's IRI for any other verb (stored, credits nothing). */
  verb: string;
  /** The lesson the statement is about (its object, or a context activity); null for a voiding statement. */
  lessonId: string | null;
  /** The statement a `voided` statement voids. */
  voidsId: string | null;
  /** `result.duration` in seconds, or null when absent. */
  durationSeconds: number | null;
  timestamp: Date | null;
  registration: string | null;
  contentHash: string;
  /** The statement as received (an object), to be stored and returned by GET. */
  raw: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** JSON with object keys sorted: two statements that differ only in key order are the same statement. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Reads one statement of the xAPI 1.0.3 subset we take: actor as an account on this platform
 * (homePage = PUBLIC_BASE_URL, name = username), any verb IRI (only completed, passed,
 * progressed and terminated credit their duration), object = a lesson's activity IRI or an
 * activity under it (`…/lessons/<id>/question-1`), or another activity with the lesson's IRI
 * among its context activities; optional `result.duration`, `context.registration`. A `voided`
 * statement's object is the StatementRef it voids. With `options.lessonId` (a cmi5 launch's
 * credentials) the lesson is given and the object may be any activity. Throws a 400 naming the first offending field
 * (prefixed `[i].` inside a batch).
 */
export function parseStatement(raw: unknown, publicBaseUrl: string, prefix = '', options: { lessonId?: string } = {}): ParsedStatement {
  const fail = (field: string, message: string) => CourseErrors.statementInvalid(`${prefix}${field}`, message);
  if (!isObject(raw)) throw fail('statement', '必须是 JSON 对象');
  if (raw.id !== undefined && (typeof raw.id !== 'string' || !isUUID(raw.id))) throw fail('id', '必须是 UUID');

  const actor = raw.actor;
  if (!isObject(actor)) throw fail('actor', '必须填写');
  if (actor.objectType !== undefined && actor.objectType !== 'Agent') throw fail('actor.objectType', '只支持 Agent');
  const account = actor.account;
  if (!isObject(account)) throw fail('actor.account', '只支持以 account 标识学员');
  if (typeof account.homePage !== 'string' || account.homePage.replace(/\/+$/, '') !== publicBaseUrl) {
    throw fail('actor.account.homePage', `必须是 ${publicBaseUrl}`);
  }
  if (typeof account.name !== 'string' || !account.name.trim()) throw fail('actor.account.name', '必须是学员的用户名');

  const verb = raw.verb;
  if (!isObject(verb) || typeof verb.id !== 'string') throw fail('verb.id', '必须填写');
  if (!IRI.test(verb.id)) throw fail('verb.id', '必须是 IRI，如 http://adlnet.gov/expapi/verbs/completed');
  const verbName: string = verb.id === VOIDED_VERB ? 'voided' : (XAPI_VERBS[verb.id as keyof typeof XAPI_VERBS] ?? verb.id);

  const object = raw.object;
  let lessonId: string | null = null;
  let voidsId: string | null = null;
  if (verbName === 'voided') {
    if (!isObject(object) || object.objectType !== 'StatementRef' || typeof object.id !== 'string' || !isUUID(object.id)) {
      throw fail('object', '作废语句的对象必须是 StatementRef（被作废语句的 UUID）');
    }
    voidsId = object.id.toLowerCase();
  } else {
    if (!isObject(object) || typeof object.id !== 'string') throw fail('object.id', '必须填写');
    if (object.objectType !== undefined && object.objectType !== 'Activity') throw fail('object.objectType', '只支持 Activity');
    const activityPrefix = `${publicBaseUrl}/xapi/activities/lessons/`;
    // A cmi5 AU's statements belong to the lesson it was launched from, whatever activity they are about.
    lessonId = options.lessonId ?? lessonOf(object.id, activityPrefix) ?? lessonInContext(raw.context, activityPrefix);
    if (!lessonId) throw fail('object.id', `必须是课时的活动 IRI：${activityPrefix}<lessonId>（或其下的活动）`);
  }

  let durationSeconds: number | null = null;
  if (raw.result !== undefined) {
    if (!isObject(raw.result)) throw fail('result', '必须是对象');
    if (raw.result.duration !== undefined) {
      durationSeconds = typeof raw.result.duration === 'string' ? parseIsoDuration(raw.result.duration) : null;
      if (durationSeconds === null) throw fail('result.duration', '必须是 ISO 8601 时长，如 PT25M30S');
      // Stored as a 32-bit integer: a longer claim is nonsense, refused rather than a database error.
      if (durationSeconds > MAX_DURATION_SECONDS) throw fail('result.duration', '时长过长');
    }
  }
  let registration: string | null = null;
  if (raw.context !== undefined) {
    if (!isObject(raw.context)) throw fail('context', '必须是对象');
    if (raw.context.registration !== undefined) {
      if (typeof raw.context.registration !== 'string' || !isUUID(raw.context.registration))
        throw fail('context.registration', '必须是 UUID');
      registration = raw.context.registration.toLowerCase();
    }
  }
  let timestamp: Date | null = null;
  if (raw.timestamp !== undefined) {
    timestamp = typeof raw.timestamp === 'string' ? new Date(raw.timestamp) : null;
    if (!timestamp || Number.isNaN(timestamp.getTime())) throw fail('timestamp', '必须是 ISO 8601 日期时间');
  }
  const id = (raw.id as string | undefined)?.toLowerCase() ?? null;
  return {
    id,
    username: account.name.trim().toLowerCase(),
    verb: verbName,
    lessonId,
    voidsId,
    durationSeconds,
    timestamp,
    registration,
    contentHash: createHash('sha256').update(canonicalJson(raw)).digest('hex'),
    raw,
  };
}

/** The lesson id of `<prefix><uuid>` or `<prefix><uuid>/anything`, else null. */
function lessonOf(activityId: string, prefix: string): string | null {
  if (!activityId.startsWith(prefix)) return null;
  const [candidate, ...rest] = activityId.slice(prefix.length).split('/');
  if (rest.length && !rest.join('/')) return null;
  return isUUID(candidate) ? candidate.toLowerCase() : null;
}

function lessonInContext(context: unknown, prefix: string): string | null {
  if (!isObject(context) || !isObject(context.contextActivities)) return null;
  for (const kind of ['parent', 'grouping'] as const) {
    const list = context.contextActivities[kind];
    for (const activity of Array.isArray(list) ? list : isObject(list) ? [list] : []) {
      const found = isObject(activity) && typeof activity.id === 'string' ? lessonOf(activity.id, prefix) : null;
      if (found) return found;
    }
  }
  return null;
}
