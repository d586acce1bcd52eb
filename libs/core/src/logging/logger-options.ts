import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** nestjs-pino options shared by the API (with HTTP logging) and the worker. */
export function buildLoggerParams(config: AppConfig, processName: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { process: processName },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Accept a caller's request id when it looks like one, so a trace spans systems.
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        // The URL without its query string: queries may carry search terms typed by people.
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
