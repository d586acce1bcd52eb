import { DomainError } from '@cqo/core';

export const IdentityErrors = {
  badCredentials: () => DomainError.unauthenticated('BAD_CREDENTIALS', '用户名或密码错误'),
  badRefreshToken: () => DomainError.unauthenticated('BAD_REFRESH_TOKEN', '登录已过期，请重新登录'),
  usernameTaken: () =>
    DomainError.conflict('USERNAME_TAKEN', '该用户名已被使用', [{ field: 'username', message: '该用户名已被使用' }]),
  scopeMissing: (field: string) =>
    DomainError.invalid('SCOPE_REQUIRED', '该角色必须指定所属单位或地区', [{ field, message: '该角色必须填写此项' }]),
  scopeNotAllowed: (field: string) =>
    DomainError.invalid('SCOPE_NOT_ALLOWED', '该角色不能指定此项', [{ field, message: '该角色不能填写此项' }]),
  scopeNotFound: (field: string) =>
    DomainError.invalid('SCOPE_NOT_FOUND', '所指定的单位或地区不存在', [{ field, message: '不存在' }]),
  userNotFound: () => DomainError.notFound('USER_NOT_FOUND', '用户不存在'),
};
