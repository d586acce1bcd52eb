// By file, not through the core barrel: the certificate render threads load this module, and the
// barrel would pull TypeORM, BullMQ, ioredis and Nest into every thread (about 1,100 modules,
// 65 MB and a second of CPU per thread start).
import { DomainError } from '../errors/domain-error';

/** A character no embedded font can draw: issuing would print a name with a hole. */
export function glyphMissing(field: string, char: string): DomainError {
  const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
  return DomainError.invalid('CERTIFICATE_GLYPH_MISSING', `证书字体无法显示字符“${char}”（${codePoint}），无法出具证书，请联系平台管理员`, [
    { field, message: `字体缺少字符“${char}”（${codePoint}）` },
  ]);
}
