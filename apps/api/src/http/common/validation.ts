import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrors, FieldIssue } from '@cqo/core';

/** Chinese wording for the constraints we use; anything else keeps class-validator's English. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isString: '必须是文本',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isUuid: '必须是有效的 ID',
  isEmail: '必须是有效的邮箱地址',
  isDateString: '必须是 ISO 8601 日期时间',
  isISO8601: '必须是 ISO 8601 日期时间',
  isArray: '必须是数组',
  arrayNotEmpty: '不能为空数组',
  arrayMinSize: '数组元素过少',
  arrayMaxSize: '数组元素过多',
  minLength: '长度过短',
  maxLength: '长度过长',
  length: '长度不符合要求',
  min: '数值过小',
  max: '数值过大',
  matches: '格式不正确',
  isUrl: '必须是有效的网址',
  nestedValidation: '格式不正确',
  isObject: '必须是对象',
};

/** Flattens nested validation errors into dotted field paths (`rows[3].idNumber`). */
export function fieldIssuesOf(errors: ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    // A message we wrote ourselves (Chinese) stays; class-validator's English defaults are translated.
    const own = Object.entries(e.constraints ?? {}).map(([name, message]) => ({
      field,
      message: /[\u4e00-\u9fff]/.test(message) ? message : (MESSAGES[name] ?? message),
    }));
    return [...own, ...fieldIssuesOf(e.children ?? [], field)];
  });
}

/**
 * Nest's pipe, but a body that is JSON yet not an object (`null`, `[]`, `"x"`, `42`) where a DTO
 * is expected is a 400 naming `body`, not a crash deeper down.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' && typeof metadata.metatype === 'function' && !PRIMITIVES.has(metadata.metatype);
    if (dto && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw CommonErrors.validationFailed([{ field: 'body', message: '请求体必须是 JSON 对象' }]);
    }
    return super.transform(value, metadata);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const PRIMITIVES = new Set<Function>([String, Number, Boolean, Array, Object, Buffer]);

/** Unknown fields are refused, types are converted, and failures name every offending field. */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    exceptionFactory: (errors) => CommonErrors.validationFailed(fieldIssuesOf(errors)),
  });
}
