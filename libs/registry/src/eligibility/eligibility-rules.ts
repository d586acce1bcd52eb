import type { EducationLevel, QualityQualification } from '@cqo/trainees';
import { EDUCATION_LEVELS, QUALITY_QUALIFICATIONS } from '@cqo/trainees';
import { normalizeHours, toCentiHours } from '@cqo/core';
import type { EligibilityCondition, EligibilityResult } from './eligibility.types';

/** The thresholds of a rule set, as the evaluator needs them (numeric columns as text). */
export interface EligibilityThresholds {
  id: string;
  minQualityWorkYears: string;
  minEducationLevel: EducationLevel;
  minQualityQualification: QualityQualification;
  acceptRelatedSeniorTitle: boolean;
  requireAppointmentCertificate: boolean;
}

/**
 * Appointment training as the credit-hours evaluator judged it under the requirement rule set in
 * force (its `once` appointment rule): the hours and the threshold are that rule's, not a copy.
 */
export interface AppointmentTrainingVerdict {
  accrued: string;
  required: string;
  met: boolean;
}

/** The facts about a person the conditions are judged on. */
export interface EligibilityFacts {
  qualityWorkYears: string;
  educationLevel: EducationLevel;
  qualityQualification: QualityQualification;
  relatedSeniorTitle: boolean;
  /** The evaluator's verdict on appointment training; null when the rule set in force has no such rule. */
  appointmentTraining: AppointmentTrainingVerdict | null;
  /** Whether a valid appointment-training certificate is held (certificates lib). */
  hasAppointmentCertificate: boolean;
}

const EDUCATION_LABELS: Record<EducationLevel, string> = {
  secondary: '中专/高中及以下',
  associate: '大学专科',
  bachelor: '大学本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};
const QUALIFICATION_LABELS: Record<QualityQualification, string> = {
  none: '无',
  primary: '初级',
  intermediate: '中级',
  senior: '高级',
};

function condition(
  code: EligibilityCondition['code'],
  met: boolean,
  requirement: string,
  actual: string,
  failure: string,
): EligibilityCondition {
  return { code, met, requirement, actual, message: met ? null : failure };
}

/**
 * Judges the notice's conditions. Pure: the facts and thresholds come from the database, the
 * rules are here, one condition each, so a person failing two conditions is told both.
 */
export function evaluateEligibility(facts: EligibilityFacts, rules: EligibilityThresholds, checkedOn: string): EligibilityResult {
  const years = normalizeHours(rules.minQualityWorkYears);
  const training = facts.appointmentTraining;
  const hours = training ? normalizeHours(training.required) : '';
  const done = training ? normalizeHours(training.accrued) : '0';
  const education = EDUCATION_LEVELS.indexOf(facts.educationLevel) >= EDUCATION_LEVELS.indexOf(rules.minEducationLevel);
  const qualification =
    QUALITY_QUALIFICATIONS.indexOf(facts.qualityQualification) >= QUALITY_QUALIFICATIONS.indexOf(rules.minQualityQualification) ||
    (rules.acceptRelatedSeniorTitle && facts.relatedSeniorTitle);
  const qualificationRequirement = `${QUALIFICATION_LABELS[rules.minQualityQualification]}及以上质量专业技术人员职业资格${
    rules.acceptRelatedSeniorTitle ? '或相关专业高级技术职称' : ''
  }`;
  const conditions: EligibilityCondition[] = [
    condition(
      'QUALITY_WORK_YEARS',
      toCentiHours(facts.qualityWorkYears) >= toCentiHours(rules.minQualityWorkYears),
      `从事质量管理工作${years}年以上`,
      `${normalizeHours(facts.qualityWorkYears)}年`,
      `从事质量管理工作不满${years}年`,
    ),
    condition(
      'EDUCATION_LEVEL',
      education,
      `${EDUCATION_LABELS[rules.minEducationLevel]}以上学历`,
      EDUCATION_LABELS[facts.educationLevel],
      `学历低于${EDUCATION_LABELS[rules.minEducationLevel]}`,
    ),
    condition(
      'QUALITY_QUALIFICATION',
      qualification,
      qualificationRequirement,
      `质量专业技术资格：${QUALIFICATION_LABELS[facts.qualityQualification]}；相关专业高级技术职称：${facts.relatedSeniorTitle ? '有' : '无'}`,
      `不具备${qualificationRequirement}`,
    ),
    training
      ? condition(
          'APPOINTMENT_TRAINING_HOURS',
          training.met,
          `第一类任职培训不少于${hours}学时`,
          `${done}学时`,
          `第一类任职培训学时不足${hours}学时（已完成${done}学时）`,
        )
      : condition('APPOINTMENT_TRAINING_HOURS', false, '第一类任职培训', '—', '现行学时规则集未设置任职培训要求，无法认定'),
  ];
  if (rules.requireAppointmentCertificate) {
    conditions.push(
      condition(
        'APPOINTMENT_TRAINING_CERTIFICATE',
        facts.hasAppointmentCertificate,
        '持有有效的首席质量官任职培训合格证书',
        facts.hasAppointmentCertificate ? '持有' : '未持有',
        '未取得有效的首席质量官任职培训合格证书',
      ),
    );
  }
  const failures = conditions.filter((c) => !c.met).map((c) => c.code);
  return { eligible: failures.length === 0, ruleSetId: rules.id, checkedOn, conditions, failures };
}
