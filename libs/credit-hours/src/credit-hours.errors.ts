import type { FieldIssue } from '@cqo/core';
import { DomainError } from '@cqo/core';

export const CreditHoursErrors = {
  traineeNotFound: () => DomainError.notFound('TRAINEE_NOT_FOUND', '学员不存在'),
  entryNotFound: () => DomainError.notFound('CREDIT_ENTRY_NOT_FOUND', '学时记录不存在'),
  entryAlreadyReversed: () =>
    DomainError.conflict('CREDIT_ENTRY_ALREADY_REVERSED', '该学时记录已被冲销', [{ field: 'entryId', message: '该学时记录已被冲销' }]),
  reversalNotReversible: () =>
    DomainError.conflict('CREDIT_ENTRY_IS_REVERSAL', '冲销记录不能再次冲销', [{ field: 'entryId', message: '冲销记录不能再次冲销' }]),
  invalidCompletion: (details: FieldIssue[]) =>
    DomainError.invalid('COURSE_COMPLETION_INVALID', `课程完成事件数据有误：${details.map((d) => d.field).join('、')}`, details),
  ruleSetInvalid: (details: FieldIssue[]) =>
    DomainError.invalid('RULE_SET_INVALID', `学时规则有误：${[...new Set(details.map((d) => d.field))].join('、')}`, details),
  ruleSetNotFound: () => DomainError.notFound('RULE_SET_NOT_FOUND', '学时规则集不存在'),
  ruleSetOverlaps: () =>
    DomainError.conflict('RULE_SET_OVERLAPS', '该地区已有同一年度或更晚年度起适用的规则集', [
      { field: 'firstYear', message: '必须晚于该地区现有规则集的首个适用年度' },
    ]),
  regionNotFound: () => DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field: 'regionId', message: '地区不存在' }]),
  enterpriseNotFound: () => DomainError.notFound('ENTERPRISE_NOT_FOUND', '企业不存在'),
};
