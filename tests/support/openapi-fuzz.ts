import { randomUUID } from 'node:crypto';
import type { Random } from '@cqo/exams';

/** The parts of an OpenAPI 3 document (dereferenced) the fuzzer reads. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema; required?: boolean }[];
  body?: Schema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  headers?: Record<string, string>;
}

/** Every operation of a dereferenced document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as
        { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } } | undefined;
      if (!op) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const deep = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

/** Values no route should take, each a plausible mistake or attack. */
function hostile(random: Random): unknown {
  return pick(random, [
    () => null,
    () => '',
    () => 'a\u0000b',
    () => '\u0000',
    () => 'x'.repeat(20_000),
    () => "' OR 1=1 --",
    () => '../../../etc/passwd',
    () => '\u202e\ud83d\ude00𠮷',
    () => '\ud800',
    () => "=cmd|' /C calc'!A0",
    () => -1,
    () => 0,
    () => 1.5,
    () => 1e308,
    () => -1e308,
    () => 9999999999999999999999,
    () => Number.MAX_SAFE_INTEGER,
    () => true,
    () => [],
    () => [null],
    () => new Array(5000).fill('x'),
    () => ({}),
    () => JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') as unknown,
    () => deep(40),
    () => '2026-02-30T25:61:00Z',
    () => 'not-a-uuid',
    () => randomUUIDFrom(random),
  ])();
}

/** Ids of things that exist (regions, organizations, enterprises), so some requests reach the services' queries. */
const knownIds: string[] = [];
export function useKnownIds(ids: string[]): void {
  knownIds.splice(0, knownIds.length, ...ids);
}

/** A uuid drawn from the seeded stream (so a run is reproducible), an existing id half the time. */
export function randomUUIDFrom(random: Random): string {
  if (knownIds.length > 0 && random() < 0.5) return pick(random, knownIds);
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A value that fits the schema, as a client that read the document would send it. */
export function plausible(schema: Schema | undefined, random: Random, depth = 0): unknown {
  if (!schema || depth > 6) return 'x';
  const merged = schema.allOf ? Object.assign({}, ...schema.allOf) : (schema.oneOf?.[0] ?? schema.anyOf?.[0] ?? schema);
  if (merged !== schema) return plausible(merged as Schema, random, depth + 1);
  if (schema.enum?.length) return pick(random, schema.enum);
  if (schema.example !== undefined && random() < 0.5) return schema.example;
  switch (schema.type) {
    case 'integer':
      return Math.floor((schema.minimum ?? 0) + random() * Math.min(100, (schema.maximum ?? 100) - (schema.minimum ?? 0) + 1));
    case 'number':
      return Math.round(((schema.minimum ?? 0) + random() * 10) * 10) / 10;
    case 'boolean':
      return random() < 0.5;
    case 'array':
      return Array.from({ length: Math.floor(random() * 3) }, () => plausible(schema.items, random, depth + 1));
    case 'object':
    case undefined:
      if (!schema.properties) return schema.type === 'object' ? {} : 'x';
      return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, plausible(v, random, depth + 1)]));
    default:
      if (schema.format === 'uuid') return randomUUIDFrom(random);
      if (schema.format === 'date-time') return '2026-06-01T08:00:00.000Z';
      if (schema.format === 'date') return '2026-06-01';
      return pick(random, ['测试', 'abc', '620102198001010011', '2026', 'GS']);
  }
}

/** A plausible body with one to three of its fields (at any depth) replaced by hostile values. */
function mutatedBody(schema: Schema | undefined, random: Random): unknown {
  const roll = random();
  if (roll < 0.1) return pick(random, [null, [], 'text', 42, deep(3000), { a: new Array(20000).fill(0) }]);
  const body = plausible(schema, random);
  if (roll < 0.2 || body === null || typeof body !== 'object') return body;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    let target = body as Record<string, unknown>;
    for (let hops = 0; hops < 3; hops++) {
      const keys = Object.keys(target);
      if (keys.length === 0) break;
      const key = pick(random, keys);
      const child = target[key];
      if (child && typeof child === 'object' && random() < 0.5) target = child as Record<string, unknown>;
      else {
        target[key] = hostile(random);
        break;
      }
    }
    if (random() < 0.15) target[`extra${Math.floor(random() * 10)}`] = hostile(random);
  }
  return body;
}

function queryValue(schema: Schema | undefined, random: Random): string | string[] {
  const roll = random();
  if (roll < 0.5) {
    const v = plausible(schema, random);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return pick(random, [
    () => '9999999999999999999999',
    () => '1e30',
    () => '-1',
    () => '0',
    () => 'abc',
    () => 'a\u0000',
    () => '',
    () => 'x'.repeat(5000),
    () => ['1', '2'],
    () => '%',
    () => 'NaN',
    () => 'Infinity',
    () => '2026-13-01',
    () => "'; DROP TABLE users; --",
    () => randomUUIDFrom(random),
  ])();
}

function pathValue(schema: Schema | undefined, random: Random): string {
  return pick(random, [
    () => randomUUIDFrom(random),
    () => randomUUIDFrom(random),
    () => String(plausible(schema, random)),
    () => 'not-a-uuid',
    () => '%00',
    () => '9999999999999999999999',
    () => 'x'.repeat(2000),
    () => '..%2F..%2Fetc',
    () => encodeURIComponent('𠮷\u202e'),
    () => randomUUID().toUpperCase(),
  ])();
}

/** One request for an operation: plausible or hostile path, query and body, drawn from `random`. */
export function fuzzRequest(op: Operation, random: Random): FuzzRequest {
  let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = pathValue(op.parameters.find((p) => p.name === name)?.schema, random);
    return v.startsWith('%') || v.includes('%') ? v : encodeURIComponent(v);
  });
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    if (!p.required && random() < 0.4) continue;
    const v = queryValue(p.schema, random);
    for (const one of Array.isArray(v) ? v : [v]) query.append(p.name, one);
  }
  if (random() < 0.1)
    query.append(pick(random, ['page', 'pageSize', 'q', 'unknown']), pick(random, ['9999999999999999999999', '\u0000', '-5']));
  const qs = query.toString();
  if (qs) url += `?${qs}`;
  if (op.method === 'GET' || op.method === 'DELETE') return { method: op.method, url };
  const body = mutatedBody(op.body, random);
  return { method: op.method, url, payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } };
}
