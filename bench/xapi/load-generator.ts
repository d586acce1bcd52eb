import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * The clients of bench:xapi, in a process of their own (forked by main.ts). Each of the
 * `connections` clients is one content session on its own keep-alive connection: one trainee,
 * one registration, its statements in turn (a new id each). It receives one run per message and
 * answers with its figures, its own CPU time included (it shares the machine with the server).
 *
 * Not autocannon: its `overallRate` lets each connection send its share of the second as fast as
 * answered at the top of every second (all connections at once), so "1,000/s" was a burst of
 * 1,000 requests then a pause, and it "corrects" latencies with an expected interval of 1 ms
 * (`ceil(1 / rate)` of a per-second rate). Here a held rate is open-loop and even: request k is
 * due at start + k / rate, on session k mod connections (each session every connections / rate
 * seconds, the sessions staggered), and its latency runs from when it was due — a session still
 * waiting for its previous answer sends late and the wait counts. Rate 0: each session sends its
 * next statement as soon as the previous one is answered (closed loop, "as fast as answered").
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
  /** Seconds from the start to the last answer. */
  duration: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** CPU time of this (the clients') process during the run, in microseconds (user + system). */
  cpuMicros: number;
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

/** One content session: a keep-alive connection with at most one request in flight and a queue of due ones. */
class Session {
  private socket!: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  /** When each request not yet sent (or in flight, the first) was due, in ms (performance.now()). */
  readonly due: number[] = [];
  private inFlight = false;
  private closed = false;

  constructor(
    private readonly port: number,
    private readonly request: () => string,
    private readonly onAnswer: (status: number, dueAt: number) => void,
    private readonly onError: () => void,
  ) {}

  async open(): Promise<void> {
    this.socket = connect(this.port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      if (!this.closed) this.onError();
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
  }

  /** A request falls due now (held rate) or right after the previous answer (open). */
  enqueue(dueAt: number): void {
    this.due.push(dueAt);
    this.sendNext();
  }

  get busy(): boolean {
    return this.inFlight || this.due.length > 0;
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private sendNext(): void {
    if (this.inFlight || !this.due.length) return;
    this.inFlight = true;
    this.socket.write(this.request());
  }

  /** A minimal HTTP/1.1 response reader: status line, Content-Length, body (the server always sends a length). */
  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end);
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) throw new Error(`bench:xapi: an answer without Content-Length: ${head}`);
      const total = end + 4 + Number(length[1]);
      if (this.buffer.length < total) return;
      this.buffer = this.buffer.subarray(total);
      const status = Number(head.slice(9, 12));
      this.inFlight = false;
      this.onAnswer(status, this.due.shift()!);
      this.sendNext();
    }
  }
}

async function run({ phase, connections, seconds, overallRate }: LoadRun): Promise<LoadResult> {
  const w = world!;
  const { hostname, port } = new URL(w.origin);
  const host = `${hostname}:${port}`;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let stopping = false;
  let lastAnswer = 0;
  let start = 0;

  const requestOf = (s: XapiWorld['sessions'][number]): (() => string) => {
    if (phase === 'baseline') {
      const text = `GET /bench/baseline?id=${s.traineeId} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`;
      return () => text;
    }
    // A real statement each time, with a new id; only the id changes between a session's statements.
    const [before, after] = JSON.stringify({
      id: '<id>',
      actor: { objectType: 'Agent', account: { homePage: w.homePage, name: s.username } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'zh-CN': '学习' } },
      object: { objectType: 'Activity', id: w.lessonIri },
      result: { duration: 'PT1S' },
      context: { registration: s.registration },
    }).split('<id>');
    const head =
      `POST /xapi/statements HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\nAuthorization: ${w.authorization}\r\n` +
      `X-Experience-API-Version: 1.0.3\r\nContent-Type: application/json\r\nContent-Length: `;
    return () => {
      const body = `${before}${randomUUID()}${after}`;
      return `${head}${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
  };

  const sessions: Session[] = [];
  for (let i = 0; i < connections; i++) {
    const session: Session = new Session(
      Number(port),
      requestOf(w.sessions[i % w.sessions.length]),
      (status, dueAt) => {
        const now = performance.now();
        lastAnswer = now;
        latencies.push(now - dueAt);
        if (status < 200 || status >= 300) non2xx++;
        if (!overallRate && !stopping) session.enqueue(performance.now());
      },
      () => errors++,
    );
    sessions.push(session);
  }
  await Promise.all(sessions.map((s) => s.open()));

  const cpu = process.cpuUsage();
  start = performance.now();
  const end = start + seconds * 1000;
  if (!overallRate) {
    for (const s of sessions) s.enqueue(start);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    stopping = true;
  } else {
    // Open loop: every request due at start + k / rate, whatever the answers.
    const interval = 1000 / overallRate;
    let k = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        for (let due = start + k * interval; due <= now && due < end; due = start + ++k * interval) sessions[k % connections].enqueue(due);
        if (start + k * interval >= end) return resolve();
        setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
      };
      tick();
    });
    stopping = true;
  }
  // The answers still awaited (at most 30 s).
  const deadline = performance.now() + 30_000;
  while (sessions.some((s) => s.busy) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  errors += sessions.reduce((n, s) => n + s.due.length, 0);
  const used = process.cpuUsage(cpu);
  for (const s of sessions) s.close();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    total: latencies.length,
    duration: Math.max(seconds, (lastAnswer - start) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
    non2xx,
    cpuMicros: used.user + used.system,
  };
}
