import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/**
 * Paths pino blanks out. Personal data never reaches a log line: request bodies are not logged
 * at all, and these cover the places where a value could still slip into a structured field.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  'idNumber',
  'phone',
  'refreshToken',
  'accessToken',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.refreshToken',
  '*.accessToken',
];

const REQUEST_ID = /^[a-zA-Z0-9._-]{8,64}$/;

/** A caller's request id when it looks like one (so a trace spans systems), else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** nestjs-pino options shared by the API (with HTTP logging) and the worker. */
export function buildLoggerParams(config: AppConfig, processName: 'api' | 'worker'): Params {
  return {
    // Every route; nestjs-pino's own default pattern does not match under the Fastify adapter of Nest 12.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      base: { process: processName },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // The API's Fastify adapter assigns request ids (see requestIdOf); the worker has no requests.
      serializers: {
        // The URL without its query string: queries may carry search terms typed by people.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
