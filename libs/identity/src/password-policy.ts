import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError, Role } from '@cqo/core';

/** Minimum length and zxcvbn score (0-4) per kind of account; staff hold more power, so more is asked. */
export const PASSWORD_RULES = {
  trainee: { minLength: 10, minScore: 2 },
  staff: { minLength: 12, minScore: 3 },
} as const;

const MAX_LENGTH = 128;

// Built once per process (about half a second: the dictionaries are large), on first use.
let shared: ZxcvbnFactory | undefined;
const zxcvbn = () => (shared ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/**
 * Password strength (ASVS 2.1): long enough, not a common password, not built on the user name
 * or display name. zxcvbn-ts with its common dictionary (passwords, names, keyboard patterns).
 */
@Injectable()
export class PasswordPolicy {
  /** Throws a 400 naming `field` when the password is too weak for the role. */
  check(password: string, context: { role: Role; username: string; displayName?: string }, field = 'password'): void {
    const rules = context.role === Role.Trainee ? PASSWORD_RULES.trainee : PASSWORD_RULES.staff;
    const refuse = (message: string) => DomainError.invalid('PASSWORD_TOO_WEAK', `密码强度不足：${message}`, [{ field, message }]);
    if (password.length < rules.minLength) throw refuse(`至少 ${rules.minLength} 个字符`);
    if (password.length > MAX_LENGTH) throw refuse(`最多 ${MAX_LENGTH} 个字符`);
    const username = context.username.trim().toLowerCase();
    const bare = password.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (username.length >= 3 && (bare.includes(username.replace(/[^a-z0-9]/g, '')) || username.includes(bare))) {
      throw refuse('不能包含用户名');
    }
    const inputs = [username, ...(context.displayName ? [context.displayName] : [])];
    const result = zxcvbn().check(password.slice(0, MAX_LENGTH), inputs);
    if (result.score < rules.minScore) throw refuse('过于常见或容易猜测，请使用更长、更不规则的密码');
  }
}
