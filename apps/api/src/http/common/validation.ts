import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import type { FieldIssue, FieldRule, RuleParams } from '@cqo/core';
import { CommonErrors, fieldLabel, fieldMessage, isBlank } from '@cqo/core';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

// class-validator's constraint names → the rules our messages are written for.
const RULES: Record<string, FieldRule> = {
  whitelistValidation: 'notAllowed',
  isNotEmpty: 'required',
  isDefined: 'required',
  isString: 'isString',
  isInt: 'isInt',
  isNumber: 'isNumber',
  isNumberString: 'isNumber',
  isDecimal: 'isNumber',
  isBoolean: 'isBoolean',
  isEnum: 'isEnum',
  isIn: 'isEnum',
  isUuid: 'isUuid',
  isDateString: 'isDate',
  isISO8601: 'isDate',
  isDate: 'isDate',
  isEmail: 'isEmail',
  isUrl: 'isUrl',
  isArray: 'isArray',
  arrayNotEmpty: 'arrayMinSize',
  arrayMinSize: 'arrayMinSize',
  arrayMaxSize: 'arrayMaxSize',
  minLength: 'minLength',
  maxLength: 'maxLength',
  length: 'length',
  min: 'min',
  max: 'max',
  matches: 'matches',
};

// A blank value breaks "please fill in", whatever rule tripped first ("长度过短" for an empty field reads wrong).
const CHOICE_RULES = new Set<FieldRule>(['isEnum', 'isUuid', 'isBoolean']);

/** The limits a rule names, read from class-validator's default English text ("… longer than or equal to 2 characters"). */
function paramsOf(rule: FieldRule, english: string): RuleParams {
  const numbers = [...english.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (rule === 'arrayMinSize') return { min: numbers[0] ?? 1 };
  if (rule === 'minLength' || rule === 'min') return { min: numbers[0] ?? 0 };
  if (rule === 'maxLength' || rule === 'max' || rule === 'arrayMaxSize') return { max: numbers[0] ?? 0 };
  if (rule === 'length') return { min: numbers[0] ?? 0, max: numbers[1] ?? numbers[0] ?? 0 };
  return {};
}

/** One issue: our own Chinese message stays; class-validator's English defaults become a sentence naming the field's label. */
function issueOf(field: string, constraint: string, message: string, value: unknown, scope?: string): FieldIssue {
  const label = fieldLabel(field, 'zh', scope);
  if (/[\u4e00-\u9fff]/.test(message)) return { field, label, message, rule: 'invalid' };
  let rule: FieldRule = RULES[constraint] ?? 'invalid';
  let params = paramsOf(rule, message);
  if (rule !== 'notAllowed' && !rule.startsWith('array') && isBlank(value)) {
    rule = CHOICE_RULES.has(rule) ? 'choose' : 'required';
    params = {};
  } else if (typeof value === 'number' && Number.isNaN(value)) {
    // Text converted to a number (`?year=abc`): "not a number", not "greater than 2200".
    rule = 'isNumber';
    params = {};
  }
  return { field, label, message: fieldMessage(rule, field, params, 'zh', label), rule, ...(Object.keys(params).length ? { params } : {}) };
}

/** Flattens nested validation errors into dotted field paths (`rows[3].idNumber`), each with a message naming its label. */
export function fieldIssuesOf(errors: ValidationError[], parent = ''): FieldIssue[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    // The DTO class names a top-level field more precisely where one form calls it something of its own.
    const scope = parent ? undefined : (e.target as object | undefined)?.constructor?.name;
    const own = Object.entries(e.constraints ?? {}).map(([name, message]) => issueOf(field, name, message, e.value, scope));
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
  cacheValidationMetadataLookups();
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    // The DTO instance tells which form a field belongs to (its label); it never leaves the process.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => CommonErrors.validationFailed(fieldIssuesOf(errors)),
  });
}
