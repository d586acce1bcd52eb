/**
 * What kind of failure a domain error is. The API maps each kind to one HTTP status;
 * the worker decides retry or give-up by it. Domain libs never throw HTTP exceptions.
 */
export type DomainErrorKind =
  | 'invalid' // the request is malformed or breaks a rule of the domain (400/422)
  | 'unauthenticated' // no or bad credentials (401)
  | 'forbidden' // authenticated but outside the caller's role or scope (403)
  | 'not_found' // the thing does not exist or is not visible to the caller (404)
  | 'conflict' // the state of the thing forbids it now (409)
  | 'rate_limited'; // too many attempts (429)

export interface FieldIssue {
  /** Dotted path of the offending field in the request, e.g. `profile.idNumber` or `rows[3].idNumber`. */
  field: string;
  message: string;
  /** What the field is called on screen (from libs/core/src/forms/field-labels.ts), when known. */
  label?: string;
  /** The rule it broke (`required`, `maxLength`, …) and that rule's limits, so a client can word it in its own language. */
  rule?: string;
  params?: Record<string, string | number>;
}

/** A failure the domain expects, with a stable machine code and a message meant for people (Chinese). */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(code: string, message: string, details: FieldIssue[] = []): DomainError {
    return new DomainError('invalid', code, message, details);
  }
  static notFound(code: string, message: string): DomainError {
    return new DomainError('not_found', code, message);
  }
  static conflict(code: string, message: string, details: FieldIssue[] = []): DomainError {
    return new DomainError('conflict', code, message, details);
  }
  static forbidden(code: string, message: string): DomainError {
    return new DomainError('forbidden', code, message);
  }
  static unauthenticated(code: string, message: string): DomainError {
    return new DomainError('unauthenticated', code, message);
  }
  static rateLimited(code: string, message: string): DomainError {
    return new DomainError('rate_limited', code, message);
  }
}

/** Codes shared by every domain; each lib adds its own beside its code. */
export const CommonErrors = {
  validationFailed: (details: FieldIssue[]) =>
    DomainError.invalid('VALIDATION_FAILED', `请修改以下内容：${[...new Set(details.map((d) => d.label ?? d.field))].join('、')}`, details),
  outOfScope: () => DomainError.forbidden('OUT_OF_SCOPE', '无权访问该资源'),
} as const;
