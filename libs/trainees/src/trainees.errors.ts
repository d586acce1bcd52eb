import { DomainError } from '@cqo/core';

export const TraineeErrors = {
  idNumberInvalid: () =>
    DomainError.invalid('ID_NUMBER_INVALID', '身份证号码无效', [{ field: 'idNumber', message: '身份证号码无效（校验位或出生日期不符）' }]),
  idNumberTaken: () =>
    DomainError.conflict('ID_NUMBER_TAKEN', '该身份证号码已注册', [{ field: 'idNumber', message: '该身份证号码已注册' }]),
  idNumberLocked: () =>
    DomainError.conflict('ID_NUMBER_LOCKED', '身份证号码已被学时、聘任或证书引用，只能由所在企业管理员更正', [
      { field: 'idNumber', message: '已锁定，请联系所在企业管理员更正' },
    ]),
  noPendingEmployerLink: () => DomainError.notFound('EMPLOYER_LINK_NOT_FOUND', '没有待确认的任职关系'),
  phoneInvalid: () => DomainError.invalid('PHONE_INVALID', '手机号码无效', [{ field: 'phone', message: '手机号码无效' }]),
  enterpriseNotFound: () => DomainError.invalid('ENTERPRISE_NOT_FOUND', '企业不存在', [{ field: 'enterpriseId', message: '企业不存在' }]),
  collisionNotFound: () => DomainError.notFound('ID_COLLISION_NOT_FOUND', '没有这条身份证号码冲突记录'),
  collisionResolved: () => DomainError.conflict('ID_COLLISION_RESOLVED', '该冲突已处理'),
  collisionHolderHasRecords: () =>
    DomainError.conflict(
      'ID_COLLISION_HOLDER_HAS_RECORDS',
      '原账号已有学时、聘任或证书记录，不能直接转给新注册人，请核实后联系平台管理员',
      [{ field: 'decision', message: '原账号已有记录，不能确认新注册人' }],
    ),
  profileNotFound: () => DomainError.notFound('TRAINEE_NOT_FOUND', '学员不存在'),
};
