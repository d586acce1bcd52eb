import { fieldLabel } from './field-labels';
import { fieldMessage } from './field-messages';
import { isValidChineseIdNumber } from './id-number';

describe('field labels and messages', () => {
  it('names a top-level field by its label, in Chinese and English', () => {
    expect(fieldLabel('idNumber')).toBe('身份证号');
    expect(fieldLabel('idNumber', 'en')).toBe('ID number');
  });

  it('names a field of a numbered item by the item and its own label', () => {
    expect(fieldLabel('drawRules[0].count')).toBe('抽题规则第 1 条的题数');
    expect(fieldLabel('drawRules[2].count', 'en')).toBe('draw rule 3: number of questions');
    expect(fieldLabel('trainee.idNumber')).toBe('人员的身份证号');
  });

  it('prefers the label a form gives its own field, and keeps an unknown name as written', () => {
    expect(fieldLabel('title', 'zh', 'CourseContentDto')).toBe('课程名称');
    expect(fieldLabel('title')).toBe('标题');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });

  it('words each rule as a sentence naming the field', () => {
    expect(fieldMessage('required', 'username')).toBe('请填写用户名');
    expect(fieldMessage('maxLength', 'title', { max: 200 }, 'zh', undefined, 'CourseContentDto')).toBe('课程名称最多 200 个字');
    expect(fieldMessage('arrayMinSize', 'drawRules', { min: 1 })).toBe('请至少添加 1 条抽题规则');
    expect(fieldMessage('required', 'username', {}, 'en')).toBe('Please enter the username.');
  });

  it('checks an ID number by its check character and birth date', () => {
    expect(isValidChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isValidChineseIdNumber('110105194912310021')).toBe(false);
    expect(isValidChineseIdNumber('110105194902300021')).toBe(false);
  });
});
