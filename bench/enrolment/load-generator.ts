import autocannon from 'autocannon';
import type { BenchWorld, PhaseName } from './requests';
import { benchRequest } from './requests';

/**
 * The clients of bench:enrolment, in a process of their own (forked by main.ts) so that the
 * server's event loop does only the server's work, as in production. It receives one run per
 * message and answers with autocannon's figures.
 */
export interface LoadRun {
  origin: string;
  phase: PhaseName;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  total: number;
  duration: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

let world: BenchWorld | undefined;
let k = 0;
let lastPhase: PhaseName | undefined;

process.on('message', (message: { world: BenchWorld } | LoadRun) => {
  if ('world' in message) {
    world = message.world;
    process.send!({ ready: true });
    return;
  }
  void run(message).then((result) => process.send!(result));
});

async function run({ origin, phase, connections, seconds }: LoadRun): Promise<LoadResult> {
  // Request numbers run on from a phase's warm-up into its measured run, and restart with each phase.
  if (phase !== lastPhase) [k, lastPhase] = [0, phase];
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...benchRequest(phase, world!, k++) }) }],
  });
  return {
    total: result.requests.total,
    duration: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
