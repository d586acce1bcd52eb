import { createHash } from 'node:crypto';
import { isUUID } from 'class-validator';
import { CourseErrors } from './courses.errors';
import { parseIsoDuration } from './iso-duration';

/** The verbs we accept, by their ADL IRIs. */
export const XAPI_VERBS = {
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
  'http://adlnet.gov/expapi/verbs/progressed': 'progressed',
  'http://adlnet.gov/expapi/verbs/terminated': 'terminated',
} as const;
export type XapiVerb = (typeof XAPI_VERBS)[keyof typeof XAPI_VERBS];

export interface ParsedStatement {
  /** The statement's id, or null when the sender gave none (we then assign one). */
  id: string | null;
  username: string;
  verb: XapiVerb;
  lessonId: string;
  /** `result.duration` in seconds, or null when absent. */
  durationSeconds: number | null;
  timestamp: Date | null;
  contentHash: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one statement of the xAPI 1.0.3 subset we take: actor as an account on this platform
 * (homePage = PUBLIC_BASE_URL, name = username), one of five ADL verbs, object = a lesson's
 * activity IRI, optional `result.duration`. Throws a 400 naming the first offending field
 * (prefixed `[i].` inside a batch).
 */
export function parseStatement(raw: unknown, publicBaseUrl: string, prefix = ''): ParsedStatement {
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
  const verbName = XAPI_VERBS[verb.id as keyof typeof XAPI_VERBS];
  if (!verbName) throw fail('verb.id', `不支持的动词，可用：${Object.keys(XAPI_VERBS).join(' ')}`);

  const object = raw.object;
  if (!isObject(object) || typeof object.id !== 'string') throw fail('object.id', '必须填写');
  if (object.objectType !== undefined && object.objectType !== 'Activity') throw fail('object.objectType', '只支持 Activity');
  const activityPrefix = `${publicBaseUrl}/xapi/activities/lessons/`;
  const lessonId = object.id.startsWith(activityPrefix) ? object.id.slice(activityPrefix.length) : '';
  if (!isUUID(lessonId)) throw fail('object.id', `必须是课时的活动 IRI：${activityPrefix}<lessonId>`);

  let durationSeconds: number | null = null;
  if (raw.result !== undefined) {
    if (!isObject(raw.result)) throw fail('result', '必须是对象');
    if (raw.result.duration !== undefined) {
      durationSeconds = typeof raw.result.duration === 'string' ? parseIsoDuration(raw.result.duration) : null;
      if (durationSeconds === null) throw fail('result.duration', '必须是 ISO 8601 时长，如 PT25M30S');
    }
  }
  let timestamp: Date | null = null;
  if (raw.timestamp !== undefined) {
    timestamp = typeof raw.timestamp === 'string' ? new Date(raw.timestamp) : null;
    if (!timestamp || Number.isNaN(timestamp.getTime())) throw fail('timestamp', '必须是 ISO 8601 日期时间');
  }
  return {
    id: (raw.id as string | undefined)?.toLowerCase() ?? null,
    username: account.name.trim().toLowerCase(),
    verb: verbName,
    lessonId: lessonId.toLowerCase(),
    durationSeconds,
    timestamp,
    contentHash: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
  };
}
