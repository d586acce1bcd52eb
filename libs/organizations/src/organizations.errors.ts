import { DomainError } from '@cqo/core';

export const OrganizationErrors = {
  regionNotFound: (field = 'regionId') =>
    DomainError.invalid('REGION_NOT_FOUND', '地区不存在', [{ field, message: '地区不存在' }]),
  organizationNotFound: () => DomainError.notFound('ORGANIZATION_NOT_FOUND', '培训机构不存在'),
  enterpriseNotFound: () => DomainError.notFound('ENTERPRISE_NOT_FOUND', '企业不存在'),
  creditCodeTaken: () =>
    DomainError.conflict('CREDIT_CODE_TAKEN', '该统一社会信用代码已登记', [
      { field: 'creditCode', message: '该统一社会信用代码已登记' },
    ]),
};
