import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/**
 * The clients of bench:xapi, in a process of their own (forked by main.ts). Each of the
 * `connections` clients is one content session: one trainee, one registration, its statements
 * in turn. It receives one run per message and answers with autocannon's figures.
 */
export interface XapiWorld {
  origin: string;
  /** Basic credentials of the organization's key pair. */
  authorization: string;
  homePage: string;
  lessonIri: string;
  sessions: { traineeId: string; username: string; registration: string }[];
}

export type XapiPhase = 'baseline' | 'statements';

export interface LoadRun {
  phase: XapiPhase;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; 0: as fast as answered. */
  overallRate: number;
}

export interface LoadResult {
  total: number;
  duration: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

let world: XapiWorld | undefined;

process.on('message', (message: { world: XapiWorld } | LoadRun) => {
  if ('world' in message) {
    world = message.world;
    process.send!({ ready: true });
    return;
  }
  void run(message).then((result) => process.send!(result));
});

async function run({ phase, connections, seconds, overallRate }: LoadRun): Promise<LoadResult> {
  const w = world!;
  // Requests cycle through the sessions: with as many connections as sessions, about one in flight per session.
  let next = 0;
  const result = await autocannon({
    url: w.origin,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const s = w.sessions[next++ % w.sessions.length];
          if (phase === 'baseline') return { ...req, method: 'GET', path: `/bench/baseline?id=${s.traineeId}` };
          return {
            ...req,
            method: 'POST',
            path: '/xapi/statements',
            headers: { authorization: w.authorization, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
            body: JSON.stringify({
              id: randomUUID(),
              actor: { objectType: 'Agent', account: { homePage: w.homePage, name: s.username } },
              verb: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'zh-CN': '学习' } },
              object: { objectType: 'Activity', id: w.lessonIri },
              result: { duration: 'PT1S' },
              context: { registration: s.registration },
            }),
          };
        },
      },
    ],
  });
  return {
    total: result.requests.total,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
