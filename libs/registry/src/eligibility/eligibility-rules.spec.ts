import type { EligibilityFacts, EligibilityThresholds } from './eligibility-rules';
import { evaluateEligibility } from './eligibility-rules';
import type { EligibilityCode } from './eligibility.types';

// The notice, 二 (二): ≥ 5 years of quality-management work; bachelor's degree or above;
// intermediate quality qualification or a related senior title; appointment training done
// (≥ 21 category-1 appointment hours and its certificate). Each condition fails alone here.
const GANSU: EligibilityThresholds = {
  id: 'rules-2021',
  minQualityWorkYears: '5.0',
  minEducationLevel: 'bachelor',
  minQualityQualification: 'intermediate',
  acceptRelatedSeniorTitle: true,
  requireAppointmentCertificate: true,
};

const QUALIFIED: EligibilityFacts = {
  qualityWorkYears: '5.0',
  educationLevel: 'bachelor',
  qualityQualification: 'intermediate',
  relatedSeniorTitle: false,
  appointmentTraining: { accrued: '21', required: '21', met: true },
  hasAppointmentCertificate: true,
};

describe('evaluateEligibility', () => {
  const sut = (facts: Partial<EligibilityFacts>, rules: Partial<EligibilityThresholds> = {}) =>
    evaluateEligibility({ ...QUALIFIED, ...facts }, { ...GANSU, ...rules }, '2026-05-01');

  it('answers eligible when every condition holds exactly at its threshold', () => {
    const result = sut({});
    expect(result).toMatchObject({ eligible: true, failures: [], ruleSetId: 'rules-2021', checkedOn: '2026-05-01' });
    expect(result.conditions.every((c) => c.met && c.message === null)).toBe(true);
  });

  it.each<[string, Partial<EligibilityFacts>, EligibilityCode, RegExp]>([
    ['4.9 years of quality work', { qualityWorkYears: '4.9' }, 'QUALITY_WORK_YEARS', /不满5年/],
    ['an associate degree', { educationLevel: 'associate' }, 'EDUCATION_LEVEL', /学历低于大学本科/],
    ['a primary qualification and no senior title', { qualityQualification: 'primary' }, 'QUALITY_QUALIFICATION', /中级及以上/],
    [
      '20.5 appointment hours (not 21), as the evaluator judged them',
      { appointmentTraining: { accrued: '20.5', required: '21', met: false } },
      'APPOINTMENT_TRAINING_HOURS',
      /不足21学时（已完成20.5学时）/,
    ],
    ['no appointment rule in the rule set in force', { appointmentTraining: null }, 'APPOINTMENT_TRAINING_HOURS', /未设置任职培训要求/],
    ['no appointment-training certificate', { hasAppointmentCertificate: false }, 'APPOINTMENT_TRAINING_CERTIFICATE', /任职培训合格证书/],
  ])('fails alone on %s, naming that condition only', (_name, facts, code, message) => {
    const result = sut(facts);
    expect(result.eligible).toBe(false);
    expect(result.failures).toEqual([code]);
    expect(result.conditions.find((c) => c.code === code)?.message).toMatch(message);
  });

  it('names every failing condition at once', () => {
    const result = sut({
      qualityWorkYears: '1',
      educationLevel: 'secondary',
      appointmentTraining: { accrued: '0', required: '21', met: false },
    });
    expect(result.failures).toEqual(['QUALITY_WORK_YEARS', 'EDUCATION_LEVEL', 'APPOINTMENT_TRAINING_HOURS']);
  });

  it('accepts a related senior title in place of the quality qualification', () => {
    expect(sut({ qualityQualification: 'none', relatedSeniorTitle: true }).eligible).toBe(true);
    expect(sut({ qualityQualification: 'senior' }).eligible).toBe(true);
  });

  it('takes its thresholds from the rule set, not from constants', () => {
    expect(sut({ qualityWorkYears: '3' }, { minQualityWorkYears: '3' }).eligible).toBe(true);
    expect(sut({ qualityQualification: 'none', relatedSeniorTitle: true }, { acceptRelatedSeniorTitle: false }).failures).toEqual([
      'QUALITY_QUALIFICATION',
    ]);
    expect(sut({ hasAppointmentCertificate: false }, { requireAppointmentCertificate: false }).eligible).toBe(true);
    // The training condition is the requirement rule set's verdict, with its numbers: no second 21 here.
    const verdict = sut({ appointmentTraining: { accrued: '30', required: '32', met: false } });
    expect(verdict.failures).toEqual(['APPOINTMENT_TRAINING_HOURS']);
    expect(verdict.conditions.find((c) => c.code === 'APPOINTMENT_TRAINING_HOURS')?.requirement).toBe('第一类任职培训不少于32学时');
  });
});
