import { useCallback, useState } from 'react';
import type { FieldRule, RuleParams } from '@cqo/forms/field-messages';
import { fieldMessage, isBlank } from '@cqo/forms/field-messages';
import { isValidChineseIdNumber } from '@cqo/forms/id-number';
import { useI18n } from '../i18n';

/**
 * Checks the browser can make before anything is sent (required, length, range, ID checksum),
 * worded exactly like the API's errors from the same field→label map.
 */
export type Check = (value: unknown) => { rule: FieldRule; params?: RuleParams } | null;

export const required =
  (choose = false): Check =>
  (v) =>
    isBlank(v) ? { rule: choose ? 'choose' : 'required' } : null;
export const maxLength =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.trim().length > max ? { rule: 'maxLength', params: { max } } : null;
export const minLength =
  (min: number): Check =>
  (v) =>
    typeof v === 'string' && !isBlank(v) && v.trim().length < min ? { rule: 'minLength', params: { min } } : null;
export const numberRange =
  (min: number, max?: number): Check =>
  (v): ReturnType<Check> => {
    if (isBlank(v)) return null;
    const n = Number(v);
    if (Number.isNaN(n)) return { rule: 'isNumber' };
    if (n < min) return { rule: 'min', params: { min } as RuleParams };
    if (max !== undefined && n > max) return { rule: 'max', params: { max } as RuleParams };
    return null;
  };
export const idNumber = (): Check => (v) =>
  typeof v === 'string' && !isBlank(v) && !isValidChineseIdNumber(v) ? { rule: 'idNumber' } : null;

export interface FieldSpec {
  value: unknown;
  checks: Check[];
  /** The label shown on screen, when it differs from the shared map's. */
  label?: string;
}

/**
 * Field errors shown beside each field once it has been left (blur; an empty one only on submit) or a submit was tried;
 * `validate()` on submit marks every field and moves focus to the first one to fix.
 */
export function useFieldChecks(spec: Record<string, FieldSpec>) {
  const { locale } = useI18n();
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const problems: Record<string, string> = {};
  const blankOnly = new Set<string>();
  for (const [field, { value, checks, label }] of Object.entries(spec)) {
    for (const check of checks) {
      const broken = check(value);
      if (broken) {
        problems[field] = fieldMessage(broken.rule, field, broken.params ?? {}, locale === 'en' ? 'en' : 'zh', label);
        if (broken.rule === 'required' || broken.rule === 'choose') blankOnly.add(field);
        break;
      }
    }
  }
  // A field left empty is pointed out on submit, not the moment focus passes through it.
  const error = (field: string): string | undefined => (tried || (touched[field] && !blankOnly.has(field)) ? problems[field] : undefined);
  const blur = useCallback((field: string) => () => setTouched((t) => (t[field] ? t : { ...t, [field]: true })), []);
  const validate = (): boolean => {
    setTried(true);
    const ok = Object.keys(problems).length === 0;
    if (!ok) {
      // After React has marked the fields, land on the first one to fix.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea')?.focus(),
      );
    }
    return ok;
  };
  return { error, blur, validate };
}
