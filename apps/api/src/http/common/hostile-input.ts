import type { FieldIssue } from '@cqo/core';

/** Deepest nesting of objects and arrays a request may carry; no DTO of ours nests more than 3. */
export const MAX_JSON_DEPTH = 32;
/** Longest array anywhere in a request; each route's DTO sets its own, smaller limit. */
export const MAX_ARRAY_LENGTH = 1000;

/**
 * The first thing in a request's body, query or path parameters that no route accepts and that
 * would otherwise break deeper down: a NUL character (PostgreSQL refuses it in text), nesting
 * deeper than {@link MAX_JSON_DEPTH} (class-transformer recurses) or an array longer than
 * {@link MAX_ARRAY_LENGTH}. Walks iteratively, so the check itself cannot overflow the stack.
 * The field is named as the validation errors name it (`rows[3].name`).
 */
export function hostileInputIssue(value: unknown, root = ''): FieldIssue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field, message: '不能包含空字符（\\u0000）' };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { field: topLevel(path) || 'body', message: `嵌套层次过深（最多 ${MAX_JSON_DEPTH} 层）` };
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY_LENGTH) return { field, message: `数组元素过多（最多 ${MAX_ARRAY_LENGTH} 个）` };
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return { field: child.replace(/\u0000/g, '\\u0000'), message: '字段名不能包含空字符（\\u0000）' };
      stack.push({ value: (v as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return null;
}

/** `a.b[2].c` → `a`; `[3].x` → `[3]`. */
function topLevel(path: string): string {
  const m = /^[^.[]+|^\[\d+\]/.exec(path);
  return m ? m[0] : path;
}
