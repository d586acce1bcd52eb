import type { FieldIssue } from '@cqo/core';
import { chinaDateOf, isPositiveHours, toCentiHours } from '@cqo/core';
import type { CreditCategory, CreditKind } from '@cqo/credit-hours';
import { CREDIT_KINDS } from '@cqo/credit-hours';

export interface EvidenceUpload {
  fileName: string;
  data: Buffer;
}

/** What a trainee states about training outside the platform. */
export interface ExternalClaimInput {
  organiser: string;
  title: string;
  /** CST calendar days, YYYY-MM-DD. */
  startedOn: string;
  endedOn: string;
  category: CreditCategory;
  kind: CreditKind;
  hours: string;
  topicCodes: string[];
  evidence: EvidenceUpload[];
}

export const MAX_EVIDENCE_FILES = 3;
const MAX_CLAIM_CENTI_HOURS = 20_000n; // 200 hours: more than any single event
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const at = new Date(`${value}T12:00:00+08:00`);
  // 2026-02-30 parses to nothing (or rolls over): only a day that exists is a date.
  return !Number.isNaN(at.getTime()) && chinaDateOf(at) === value;
}

/** A reason a person types (rejection, reduction): 2 to 500 characters. */
export function reasonIssue(field: string, value: unknown, what: string): FieldIssue[] {
  return typeof value === 'string' && value.trim().length >= 2 && value.length <= 500
    ? []
    : [{ field, message: `须填写${what}（2至500个字符）` }];
}

/** The checks of a claim that need nothing but the claim and today (CST); each issue names its field. */
export function checkClaimShape(input: ExternalClaimInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const text = (field: 'organiser' | 'title', label: string) => {
    const v = input[field];
    if (typeof v !== 'string' || v.trim().length < 2 || v.length > 200) issues.push({ field, message: `须填写${label}（2至200个字符）` });
  };
  text('organiser', '主办单位');
  text('title', '培训名称');
  const started = isCalendarDate(input.startedOn);
  const ended = isCalendarDate(input.endedOn);
  if (!started) issues.push({ field: 'startedOn', message: '必须是有效日期（YYYY-MM-DD）' });
  if (!ended) issues.push({ field: 'endedOn', message: '必须是有效日期（YYYY-MM-DD）' });
  if (started && input.startedOn > today) issues.push({ field: 'startedOn', message: '不能是将来的日期' });
  if (ended && input.endedOn > today) issues.push({ field: 'endedOn', message: '不能是将来的日期' });
  else if (started && ended && input.endedOn < input.startedOn) issues.push({ field: 'endedOn', message: '不能早于开始日期' });
  if (input.category !== 1 && input.category !== 2) issues.push({ field: 'category', message: '必须是 1 或 2' });
  if (!CREDIT_KINDS.includes(input.kind)) issues.push({ field: 'kind', message: '必须是 appointment 或 continuing' });
  else if (input.category === 2 && input.kind !== 'continuing')
    issues.push({ field: 'kind', message: '第二类培训均为继续教育（continuing）' });
  if (typeof input.hours !== 'string' || !isPositiveHours(input.hours) || toCentiHours(input.hours) > MAX_CLAIM_CENTI_HOURS) {
    issues.push({ field: 'hours', message: '必须是大于 0、不超过 200 的学时数（最多两位小数）' });
  }
  if (!Array.isArray(input.topicCodes) || input.topicCodes.length === 0 || input.topicCodes.length > 17) {
    issues.push({ field: 'topicCodes', message: '须选择 1 至 17 个培训专题' });
  }
  if (!Array.isArray(input.evidence) || input.evidence.length === 0 || input.evidence.length > MAX_EVIDENCE_FILES) {
    issues.push({ field: 'evidence', message: `须上传 1 至 ${MAX_EVIDENCE_FILES} 个证明材料` });
  }
  return issues;
}
