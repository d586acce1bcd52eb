import { DomainError } from '@cqo/core';

export const IdentityErrors = {
  badCredentials: () => DomainError.unauthenticated('BAD_CREDENTIALS', '用户名或密码错误'),
  badRefreshToken: () => DomainError.unauthenticated('BAD_REFRESH_TOKEN', '登录已过期，请重新登录'),
  usernameTaken: () => DomainError.conflict('USERNAME_TAKEN', '该用户名已被使用', [{ field: 'username', message: '该用户名已被使用' }]),
  scopeMissing: (field: string) =>
    DomainError.invalid('SCOPE_REQUIRED', '该角色必须指定所属单位或地区', [{ field, message: '该角色必须填写此项' }]),
  scopeNotAllowed: (field: string) =>
    DomainError.invalid('SCOPE_NOT_ALLOWED', '该角色不能指定此项', [{ field, message: '该角色不能填写此项' }]),
  scopeNotFound: (field: string) => DomainError.invalid('SCOPE_NOT_FOUND', '所指定的单位或地区不存在', [{ field, message: '不存在' }]),
  userNotFound: () => DomainError.notFound('USER_NOT_FOUND', '用户不存在'),
  traineeRoleFixed: () =>
    DomainError.invalid('TRAINEE_ROLE_FIXED', '学员账号不能改为管理角色，管理账号也不能改为学员', [
      { field: 'role', message: '不能在学员与管理角色之间变更' },
    ]),
  totpRequired: () => DomainError.unauthenticated('TOTP_REQUIRED', '请输入动态验证码'),
  totpInvalid: () => DomainError.unauthenticated('TOTP_INVALID', '动态验证码错误'),
  totpCodeInvalid: () => DomainError.invalid('TOTP_INVALID', '动态验证码错误', [{ field: 'code', message: '动态验证码错误' }]),
  totpAlreadyEnabled: () => DomainError.conflict('TOTP_ALREADY_ENABLED', '已启用动态验证码'),
  totpNotEnrolled: () => DomainError.conflict('TOTP_NOT_ENROLLED', '请先获取动态验证码密钥'),
  totpRequiredForRole: () => DomainError.conflict('TOTP_REQUIRED_FOR_ROLE', '平台管理员必须启用动态验证码，不能停用'),
  totpEnrolmentRequired: () => DomainError.forbidden('TOTP_ENROLMENT_REQUIRED', '平台管理员须先启用动态验证码（二次验证）'),
  currentPasswordWrong: () =>
    DomainError.invalid('CURRENT_PASSWORD_WRONG', '当前密码错误', [{ field: 'currentPassword', message: '当前密码错误' }]),
};
