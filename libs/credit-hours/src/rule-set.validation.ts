import type { FieldIssue } from '@cqo/core';
import { isPositiveHours } from '@cqo/core';
import type { CreditCategory, CreditKind } from './credit-entry.entity';
import { CREDIT_KINDS } from './credit-entry.entity';
import type { RequirementAppliesTo, RequirementPeriod } from './requirement-rule.entity';
import { REQUIREMENT_APPLIES_TO, REQUIREMENT_PERIODS } from './requirement-rule.entity';

export interface RuleInput {
  /** Names the requirement across rule sets, e.g. `continuing`. */
  code: string;
  /** For people, e.g. 第一类继续教育. */
  name: string;
  category: CreditCategory;
  kind: CreditKind;
  /** Positive exact decimal text, e.g. "21". */
  minHours: string;
  period: RequirementPeriod;
  /** Defaults to false: the notice does not count appointment hours toward the year. */
  countAppointmentHours?: boolean;
  /** Decimal text in [0, 1], at most 3 places; defaults to "1" (behind the pro-rated requirement). */
  atRiskThreshold?: string;
  appliesTo: RequirementAppliesTo;
}

export interface RuleSetInput {
  name: string;
  regionId: string;
  /**
   * The first calendar year (CST) the set governs: next year or later, or the year in progress
   * only with `applyToCurrentYear` and a `reason` (audited). Closed years are never re-judged.
   */
  firstYear: number;
  /** Apply the set to the year already in progress (needs `reason`). */
  applyToCurrentYear?: boolean;
  /** Why the year in progress changes rules (required with `applyToCurrentYear`). */
  reason?: string;
  /** Minutes in one 学时; default 45 (common practice). */
  minutesPerCreditHour?: number;
  /** 'MM-DD' days of the year on which reminders go out; defaults to 10-01, 12-01, 12-24. */
  reminderDates?: string[];
  rules: RuleInput[];
}

export const DEFAULT_REMINDER_DATES: readonly string[] = ['10-01', '12-01', '12-24'];

/** One 学时 is 45 minutes unless a rule set says otherwise (the common practice; the notice is silent). */
export const DEFAULT_MINUTES_PER_CREDIT_HOUR = 45;

const CODE = /^[a-z][a-z0-9_]{1,39}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const THRESHOLD = /^(0(\.\d{1,3})?|1(\.0{1,3})?)$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'MM-DD' that exists in some year (29 February included). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  return m !== null && isRealDate(`2024-${m[1]}-${m[2]}`);
}

/**
 * Checks a rule set against the rules of the domain. Returns every problem, each naming the
 * field (`rules[2].minHours`), so an admin can fix them all at once. `today` is the CST date.
 */
export function validateRuleSet(input: RuleSetInput, openYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (typeof input.name !== 'string' || input.name.trim().length < 2 || input.name.length > 100) add('name', '名称须为2至100个字符');
  if (!Number.isInteger(input.firstYear) || input.firstYear < 2000 || input.firstYear > 2200) add('firstYear', '必须是有效年份');
  else if (input.firstYear < openYear) add('firstYear', `首个适用年度不能早于${openYear}年：已结束年度的认定结果不变`);
  else if (input.firstYear === openYear && input.applyToCurrentYear !== true) {
    add('firstYear', `${openYear}年度已在进行中：新规则默认从下一年度起适用；如确需适用于本年度，请勾选“适用于本年度”并说明理由`);
  }
  if (input.applyToCurrentYear !== undefined && typeof input.applyToCurrentYear !== 'boolean')
    add('applyToCurrentYear', '必须是 true 或 false');
  if (input.applyToCurrentYear === true) {
    if (input.firstYear !== openYear) add('applyToCurrentYear', `只有首个适用年度为本年度（${openYear}）时才可选择`);
    if (typeof input.reason !== 'string' || input.reason.trim().length < 5 || input.reason.length > 500)
      add('reason', '适用于本年度须说明理由（5至500个字符）');
  }
  const minutes = input.minutesPerCreditHour ?? DEFAULT_MINUTES_PER_CREDIT_HOUR;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) add('minutesPerCreditHour', '每学时分钟数须为1至240的整数');
  const reminders = input.reminderDates ?? [...DEFAULT_REMINDER_DATES];
  if (!Array.isArray(reminders) || reminders.length > 12) add('reminderDates', '最多12个提醒日期');
  else {
    reminders.forEach((d, i) => {
      if (typeof d !== 'string' || !isMonthDay(d)) add(`reminderDates[${i}]`, '必须是有效的月-日（MM-DD）');
    });
    if (new Set(reminders).size !== reminders.length) add('reminderDates', '提醒日期不能重复');
  }
  if (!Array.isArray(input.rules) || input.rules.length === 0 || input.rules.length > 20) {
    add('rules', '须有1至20条规则');
    return issues;
  }
  const codes = new Set<string>();
  input.rules.forEach((rule, i) => {
    const at = (field: string) => `rules[${i}].${field}`;
    if (typeof rule.code !== 'string' || !CODE.test(rule.code)) add(at('code'), '须为小写字母开头的字母、数字或下划线（2至40个字符）');
    else if (codes.has(rule.code)) add(at('code'), '同一规则集内编码不能重复');
    else codes.add(rule.code);
    if (typeof rule.name !== 'string' || rule.name.trim().length < 2 || rule.name.length > 50) add(at('name'), '名称须为2至50个字符');
    if (rule.category !== 1 && rule.category !== 2) add(at('category'), '必须是 1 或 2');
    if (!CREDIT_KINDS.includes(rule.kind)) add(at('kind'), '必须是 appointment 或 continuing');
    else if (rule.category === 2 && rule.kind !== 'continuing') add(at('kind'), '第二类课程均为继续教育（continuing）');
    if (typeof rule.minHours !== 'string' || !isPositiveHours(rule.minHours)) add(at('minHours'), '必须是正的小数文本（最多两位小数）');
    if (!REQUIREMENT_PERIODS.includes(rule.period)) add(at('period'), '必须是 once 或 calendar_year');
    if (rule.countAppointmentHours !== undefined && typeof rule.countAppointmentHours !== 'boolean')
      add(at('countAppointmentHours'), '必须是 true 或 false');
    if (rule.countAppointmentHours && rule.kind === 'appointment') add(at('countAppointmentHours'), '任职培训要求本身只计任职培训学时');
    if (rule.atRiskThreshold !== undefined && (typeof rule.atRiskThreshold !== 'string' || !THRESHOLD.test(rule.atRiskThreshold))) {
      add(at('atRiskThreshold'), '必须是 0 到 1 之间的小数文本（最多三位小数）');
    }
    if (!REQUIREMENT_APPLIES_TO.includes(rule.appliesTo)) add(at('appliesTo'), '必须是 everyone 或 serving_and_opted_in');
  });
  return issues;
}
