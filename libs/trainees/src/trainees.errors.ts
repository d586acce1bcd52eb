import { DomainError } from '@cqo/core';

export const TraineeErrors = {
  idNumberInvalid: () =>
    DomainError.invalid('ID_NUMBER_INVALID', '身份证号码无效', [{ field: 'idNumber', message: '身份证号码无效（校验位或出生日期不符）' }]),
  idNumberTaken: () =>
    DomainError.conflict('ID_NUMBER_TAKEN', '该身份证号码已注册', [{ field: 'idNumber', message: '该身份证号码已注册' }]),
  phoneInvalid: () => DomainError.invalid('PHONE_INVALID', '手机号码无效', [{ field: 'phone', message: '手机号码无效' }]),
  enterpriseNotFound: () =>
    DomainError.invalid('ENTERPRISE_NOT_FOUND', '企业不存在', [{ field: 'enterpriseId', message: '企业不存在' }]),
  profileNotFound: () => DomainError.notFound('TRAINEE_NOT_FOUND', '学员不存在'),
};
