import type { LabelLocale } from './field-labels';
import { fieldLabel } from './field-labels';

/**
 * The rules a field can break, as the API's validation and the web app's own checks name them
 * (class-validator's constraint names where they exist).
 */
export type FieldRule =
  | 'required'
  | 'choose'
  | 'isString'
  | 'isInt'
  | 'isNumber'
  | 'isBoolean'
  | 'isEnum'
  | 'isUuid'
  | 'isDate'
  | 'isEmail'
  | 'isUrl'
  | 'isArray'
  | 'minLength'
  | 'maxLength'
  | 'length'
  | 'min'
  | 'max'
  | 'arrayMinSize'
  | 'arrayMaxSize'
  | 'matches'
  | 'idNumber'
  | 'phone'
  | 'notAllowed'
  | 'invalid';

export type RuleParams = Record<string, string | number>;

type Template = (label: string, p: RuleParams) => string;

const ZH: Record<FieldRule, Template> = {
  required: (l) => `请填写${l}`,
  choose: (l) => `请选择${l}`,
  isString: (l) => `${l}应为文字`,
  isInt: (l) => `${l}应为整数`,
  isNumber: (l) => `${l}应为数字`,
  isBoolean: (l) => `请选择${l}是或否`,
  isEnum: (l) => `${l}不是可选的值，请从列表中选择`,
  isUuid: (l) => `请选择${l}`,
  isDate: (l) => `${l}不是有效的日期`,
  isEmail: (l) => `${l}不是有效的邮箱地址`,
  isUrl: (l) => `${l}不是有效的网址`,
  isArray: (l) => `${l}应为列表`,
  minLength: (l, p) => `${l}至少 ${p.min} 个字`,
  maxLength: (l, p) => `${l}最多 ${p.max} 个字`,
  length: (l, p) => `${l}应为 ${p.min}–${p.max} 个字`,
  min: (l, p) => `${l}不能小于 ${p.min}`,
  max: (l, p) => `${l}不能大于 ${p.max}`,
  arrayMinSize: (l, p) => `请至少添加 ${p.min} 条${l}`,
  arrayMaxSize: (l, p) => `${l}最多 ${p.max} 条`,
  matches: (l) => `${l}格式不正确`,
  idNumber: (l) => `${l}不正确，请核对 18 位号码（末位可能是 X）`,
  phone: (l) => `${l}应为 11 位手机号`,
  notAllowed: (l) => `不能提交“${l}”这一项`,
  invalid: (l) => `${l}填写有误`,
};

const EN: Record<FieldRule, Template> = {
  required: (l) => `Please enter the ${l}.`,
  choose: (l) => `Please choose the ${l}.`,
  isString: (l) => `The ${l} must be text.`,
  isInt: (l) => `The ${l} must be a whole number.`,
  isNumber: (l) => `The ${l} must be a number.`,
  isBoolean: (l) => `Please answer yes or no for ${l}.`,
  isEnum: (l) => `The ${l} is not one of the choices; please pick one from the list.`,
  isUuid: (l) => `Please choose the ${l}.`,
  isDate: (l) => `The ${l} is not a valid date.`,
  isEmail: (l) => `The ${l} is not a valid e-mail address.`,
  isUrl: (l) => `The ${l} is not a valid web address.`,
  isArray: (l) => `The ${l} must be a list.`,
  minLength: (l, p) => `The ${l} needs at least ${p.min} characters.`,
  maxLength: (l, p) => `The ${l} can have at most ${p.max} characters.`,
  length: (l, p) => `The ${l} must have ${p.min}–${p.max} characters.`,
  min: (l, p) => `The ${l} cannot be less than ${p.min}.`,
  max: (l, p) => `The ${l} cannot be more than ${p.max}.`,
  arrayMinSize: (l, p) => `Please add at least ${p.min} ${l}.`,
  arrayMaxSize: (l, p) => `At most ${p.max} ${l} entries.`,
  matches: (l) => `The ${l} is not in the right format.`,
  idNumber: (l) => `The ${l} is not right; check the 18 characters (the last may be X).`,
  phone: (l) => `The ${l} must be an 11-digit mobile number.`,
  notAllowed: (l) => `“${l}” cannot be sent here.`,
  invalid: (l) => `The ${l} is not valid.`,
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The message for a broken rule, naming the field by its label: 请填写课程名称 / "Please enter the title.". */
export function fieldMessage(
  rule: FieldRule,
  field: string,
  params: RuleParams = {},
  locale: LabelLocale = 'zh',
  label?: string,
  scope?: string,
): string {
  const name = label ?? fieldLabel(field, locale, scope);
  const text = (locale === 'zh' ? ZH : EN)[rule](name, params);
  return locale === 'en' ? capitalize(text) : text;
}

/** Whether a value counts as not filled in (the message then says "please enter", not "too short"). */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
