import { DomainError, glyphMissing } from '@cqo/core';

export const CertificateErrors = {
  /** A character no embedded font can draw: issuing would print a name with a hole. */
  glyphMissing: (field: string, char: string) => glyphMissing(field, char),
  notFound: () => DomainError.notFound('CERTIFICATE_NOT_FOUND', '证书不存在'),
  holderNotFound: () => DomainError.notFound('CERTIFICATE_HOLDER_NOT_FOUND', '学员档案不存在，无法出具证书'),
  notValid: (status: string) =>
    DomainError.conflict('CERTIFICATE_NOT_VALID', status === 'revoked' ? '证书已撤销' : '证书已被换发的新证书取代'),
  reasonRequired: () => DomainError.invalid('CERTIFICATE_REASON_REQUIRED', '请填写原因', [{ field: 'reason', message: '不能为空' }]),
  /** The stored PDF is missing or altered and re-rendering did not reproduce the signed hash. */
  integrityFailed: (serial: string) =>
    DomainError.conflict('CERTIFICATE_INTEGRITY_FAILED', `证书 ${serial} 的文件无法按原样重建，请联系平台管理员`),
  notDue: (what: string) => DomainError.conflict('CERTIFICATE_NOT_DUE', `尚未满足出具条件：${what}`),
  exportScopeRequired: () =>
    DomainError.invalid('CERTIFICATE_EXPORT_SCOPE', '请指定课程，或指定地区和年度', [
      { field: 'courseId', message: '请指定课程，或指定 regionId 和 year' },
    ]),
  factsMismatch: () =>
    DomainError.invalid('CERTIFICATE_FACTS_MISMATCH', '证书类型与内容不符', [{ field: 'facts.kind', message: '与 kind 不一致' }]),
};
