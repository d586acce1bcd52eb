import { DomainError } from '@cqo/core';

export const ExternalClaimErrors = {
  notFound: () => DomainError.notFound('EXTERNAL_CLAIM_NOT_FOUND', '外部学时申请不存在'),
  evidenceNotFound: () => DomainError.notFound('EXTERNAL_CLAIM_EVIDENCE_NOT_FOUND', '证明材料不存在'),
  noEmployer: () =>
    DomainError.conflict('EXTERNAL_CLAIM_NO_EMPLOYER', '须先由所在企业确认任职关系，才能申报外部学时', [
      { field: 'enterprise', message: '尚无经企业确认的任职单位' },
    ]),
  noRules: (year: number) =>
    DomainError.conflict('EXTERNAL_CLAIM_NO_RULES', `${year}年度没有外部学时认定规则`, [
      { field: 'endedOn', message: '该年度没有外部学时认定规则' },
    ]),
  wrongState: (expected: string) =>
    DomainError.conflict('EXTERNAL_CLAIM_WRONG_STATE', `该申请当前不能执行此操作（须为“${expected}”状态）`, [
      { field: 'status', message: `须为${expected}` },
    ]),
};
