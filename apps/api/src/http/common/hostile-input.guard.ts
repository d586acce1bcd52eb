import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '@cqo/core';
import { hostileInputIssue } from './hostile-input';

/**
 * Runs before every other guard: a request whose body, query or path holds a NUL character,
 * nests too deep or carries an over-long array is a 400 naming the field, whoever sends it.
 */
@Injectable()
export class HostileInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const issue =
      hostileInputIssue(request.params ?? {}) ?? hostileInputIssue(request.query ?? {}) ?? hostileInputIssue(request.body ?? {});
    if (issue) throw CommonErrors.validationFailed([issue]);
    return true;
  }
}
