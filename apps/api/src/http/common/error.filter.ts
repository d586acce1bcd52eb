import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind } from '@cqo/core';
import { ErrorBodyDto } from './error-body';
import { fileTooLarge, fileUploadRouteOf } from './file-upload';

/** The HTTP status of a domain error kind. */
export function errorStatusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unreachable: never = kind;
      throw new Error(`unmapped error kind ${String(unreachable)}`);
    }
  }
}

const HTTP_CODES: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', '请求有误'],
  401: ['NOT_AUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '无权访问'],
  404: ['NOT_FOUND', '资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  429: ['RATE_LIMITED', '操作过于频繁，请稍后再试'],
};

/** Errors raised by Fastify itself before a route runs (bad JSON, body too large, ...). */
function isClientError(error: unknown): error is { statusCode: number; code?: string; message: string } {
  const e = error as { statusCode?: unknown };
  return typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500;
}

/**
 * A body over Fastify's limit on a route that receives a file is that file being too large:
 * refused before the route runs, it is still the same 400 naming the file field.
 */
function tooLargeUpload(error: unknown, request: unknown): DomainError | null {
  const cause = error instanceof HttpException ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code ?? (error as { code?: unknown } | null)?.code;
  if (code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return null;
  const route = fileUploadRouteOf(request);
  return route ? fileTooLarge(route) : null;
}

/**
 * Maps every failure to `{statusCode, code, message, details}`. Anything unexpected is a 500
 * whose body carries only an `errorId`; the error itself goes to the log under that id.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = this.bodyOf(tooLargeUpload(error, http.getRequest()) ?? error);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private bodyOf(error: unknown): ErrorBodyDto {
    if (error instanceof DomainError) {
      return { statusCode: errorStatusOf(error.kind), code: error.code, message: error.message, details: error.details };
    }
    if (error instanceof ThrottlerException) {
      const [code, message] = HTTP_CODES[429];
      return { statusCode: 429, code, message, details: [] };
    }
    if (error instanceof ServiceUnavailableException) {
      // Health checks: name each dependency that is down.
      const response = error.getResponse() as { error?: Record<string, { message?: string }> };
      const details = Object.entries(response.error ?? {}).map(([field, v]) => ({ field, message: v.message ?? 'down' }));
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用', details };
    }
    // Fastify's body parser fails (FST_ERR_CTP_*JSON*) before any route runs; Nest wraps it in an HttpException.
    const cause = error instanceof HttpException ? error.cause : error;
    if (isClientError(cause) && (cause instanceof SyntaxError || /JSON/.test(cause.code ?? ''))) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON', details: [] };
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      const status = error.getStatus();
      const [code, message] = HTTP_CODES[status] ?? ['HTTP_ERROR', error.message];
      return { statusCode: status, code, message, details: [] };
    }
    if (isClientError(error)) {
      const [code, message] = HTTP_CODES[error.statusCode] ?? ['BAD_REQUEST', '请求有误'];
      return { statusCode: error.statusCode, code, message, details: [] };
    }
    const errorId = randomUUID();
    this.logger.error({ err: error, errorId }, `Unhandled error ${errorId}`);
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', details: [], errorId };
  }
}
