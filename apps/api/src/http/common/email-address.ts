import { isEmail, ValidateBy, ValidationOptions } from 'class-validator';

/** validator.js's isEmail throws (URIError) on a lone UTF-16 surrogate: checked first, so bad input is a 400, never a 500. */
export function isEmailAddress(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 254 && !LONE_SURROGATE.test(value) && isEmail(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An e-mail address (at most 254 characters), reported under the `isEmail` rule. */
export const IsEmailAddress = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isEmail', validator: { validate: isEmailAddress, defaultMessage: () => '不是有效的邮箱地址' } }, options);
