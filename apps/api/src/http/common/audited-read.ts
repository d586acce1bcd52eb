import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { from, Observable, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DomainError, maskIdNumber } from '@cqo/core';
import { AuditLogService } from '@cqo/identity';
import type { RequestWithActor } from './access.decorator';

export const AUDITED_READ_KEY = 'cqo:audited-read';

/** `export`: data leaves the system as a file; `lookup`: staff look up a person or a certificate. */
export interface AuditedReadRule {
  kind: 'export' | 'lookup';
  /** What was read, stable for filtering ("certificates.zip", "registry.status_page", …). */
  what: string;
}

/**
 * Declares that every call of a route is written to the security audit log (等保: exports and
 * lookups), whether it succeeds or not. The entry names the route's parameters and filters, an
 * ID number in them only masked; never what was found.
 */
export const AuditedRead = (kind: AuditedReadRule['kind'], what: string) =>
  // The interceptor is the route's own, not global: the other routes skip Nest's interceptor
  // (RxJS) pipeline altogether, about 3% of a small request's CPU.
  applyDecorators(SetMetadata(AUDITED_READ_KEY, { kind, what } satisfies AuditedReadRule), UseInterceptors(AuditedReadInterceptor));

const ID_NUMBER = /\d{17}[\dXx]/g;

/** Route parameters and query values as the audit log may hold them: short, and no whole ID number. */
function safeValues(values: unknown): Record<string, unknown> {
  if (!values || typeof values !== 'object') return {};
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).map(([key, value]) => {
      const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
      return [key, text.replace(ID_NUMBER, (whole) => maskIdNumber(whole)).slice(0, 100)];
    }),
  );
}

function keyKindOf(body: unknown): { keyKind?: string } {
  const kind = body && typeof body === 'object' ? (body as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? { keyKind: kind.slice(0, 40) } : {};
}

/** How many records the answer holds, when it says (lookups answer matches or a page). */
function countOf(result: unknown): number | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const r = result as { matches?: unknown; total?: unknown; items?: unknown };
  if (Array.isArray(r.matches)) return r.matches.length;
  if (typeof r.total === 'number') return r.total;
  if (Array.isArray(result)) return result.length;
  return undefined;
}

@Injectable()
export class AuditedReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.get<AuditedReadRule | undefined>(AUDITED_READ_KEY, context.getHandler());
    if (!rule) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithActor>();
    const write = (outcome: string, found?: number) =>
      this.audit.record({
        action: rule.kind === 'export' ? 'data.export' : 'data.lookup',
        actorId: request.actor?.userId ?? null,
        ip: request.ip,
        requestId: String(request.id),
        details: {
          what: rule.what,
          params: safeValues(request.params),
          query: safeValues(request.query),
          // A lookup's kind of key (never the key itself).
          ...keyKindOf(request.body),
          outcome,
          ...(found === undefined ? {} : { found }),
        },
      });
    return next.handle().pipe(
      mergeMap((result) => from(write('ok', countOf(result)).then(() => result))),
      catchError((error: unknown) =>
        from(write(error instanceof DomainError ? error.code : 'error')).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
