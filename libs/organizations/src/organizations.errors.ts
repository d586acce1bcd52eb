import { DomainError } from '@cqo/core';

export const OrganizationErrors = {
  regionNotFound: (field = 'regionId') => DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field, message: '地区不存在' }]),
  organizationNotFound: () => DomainError.notFound('ORGANIZATION_NOT_FOUND', '培训机构不存在'),
  enterpriseNotFound: () => DomainError.notFound('ENTERPRISE_NOT_FOUND', '企业不存在'),
  regulatorOwned: (fields: string[]) =>
    new DomainError(
      'forbidden',
      'ENTERPRISE_FACTS_REGULATOR_OWNED',
      `企业目标认定信息（${fields.join('、')}）由市场监管部门依官方名录维护，企业不能修改；如有错误请提交更正申请`,
      fields.map((field) => ({ field, message: '由监管部门维护，请提交更正申请' })),
    ),
  creditCodeTaken: () =>
    DomainError.conflict('CREDIT_CODE_TAKEN', '该统一社会信用代码已登记', [{ field: 'creditCode', message: '该统一社会信用代码已登记' }]),
};
