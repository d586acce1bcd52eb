/**
 * The notice's appointment conditions (二 (二) 任职条件), each checked on its own so that an
 * answer names every condition that fails. Codes are stable (the web UI and tests key on them);
 * messages are Chinese, for people.
 */
export const ELIGIBILITY_CODES = [
  'QUALITY_WORK_YEARS',
  'EDUCATION_LEVEL',
  'QUALITY_QUALIFICATION',
  'APPOINTMENT_TRAINING_HOURS',
  'APPOINTMENT_TRAINING_CERTIFICATE',
] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

export interface EligibilityCondition {
  code: EligibilityCode;
  met: boolean;
  /** What the condition asks, e.g. 从事质量管理工作5年以上. */
  requirement: string;
  /** What the person has, e.g. 3年. */
  actual: string;
  /** Why it fails (Chinese), or null when met. */
  message: string | null;
  /**
   * How far the fact behind the condition has been checked (self_declared → enterprise_confirmed →
   * city_verified); null for conditions the product computes itself (training hours, certificate).
   */
  factState?: 'self_declared' | 'enterprise_confirmed' | 'city_verified' | null;
}

export interface EligibilityResult {
  eligible: boolean;
  /** The rule set (thresholds) that judged. */
  ruleSetId: string;
  /** The date (CST) the check was made on. */
  checkedOn: string;
  conditions: EligibilityCondition[];
  /** The codes of the failing conditions, in the order of the notice. */
  failures: EligibilityCode[];
}
