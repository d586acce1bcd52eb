import type { LoggerService } from '@nestjs/common';

/**
 * A Nest logger that passes every call on to another (pino's, in our processes). Extend it to treat
 * one level differently: the worker drops Nest's start-up chatter, the tests keep the API's errors.
 */
export class ForwardingLogger implements LoggerService {
  constructor(protected readonly next: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.next.log(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.next.warn(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.next.error(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.next.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.next.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.next.fatal?.(message, ...rest);
  }
}
