import { ForwardingLogger } from '@cqo/core';

/** Nest's own start-up chatter (a line per module), which the API never logs either. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'NestApplicationContext']);

/**
 * The worker's logger once its app exists. The worker starts inside `createApplicationContext`
 * (the health port listens and the processors take jobs before it returns), so its logs are
 * buffered until this logger is attached and then replayed into it: a job finished or an outage
 * begun in those first moments is logged, not lost (the outage line is written only once).
 * Nest's own lines about loading modules are dropped on the way.
 */
export class WorkerLogger extends ForwardingLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    if (!isFramework(rest)) super.log(message, ...rest);
  }
}

/** Nest passes the context as the last argument. */
function isFramework(rest: unknown[]): boolean {
  const context = rest[rest.length - 1];
  return typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context);
}
