import { ArrayMinSize, IsInt, IsString, Max, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DomainError } from '@cqo/core';
import { createValidationPipe } from './validation';

class RuleDto {
  @IsInt()
  @Max(100)
  count!: number;
}

class CourseContentDto {
  @IsString()
  @MinLength(2)
  @MaxLength(10)
  title!: string;

  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  @ArrayMinSize(1)
  drawRules!: RuleDto[];
}

async function issuesOf(body: unknown) {
  const sut = createValidationPipe();
  try {
    await sut.transform(body, { type: 'body', metatype: CourseContentDto });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a validation failure');
}

describe('validation messages', () => {
  it('says "please fill in" with the label for an empty field, not "too short"', async () => {
    const error = await issuesOf({ title: '', drawRules: [{ count: 1 }] });
    expect(error.details).toEqual([{ field: 'title', label: '课程名称', message: '请填写课程名称', rule: 'required' }]);
    expect(error.message).toBe('请修改以下内容：课程名称');
  });

  it('gives the limit of a length or range rule and names a numbered item', async () => {
    const error = await issuesOf({ title: '一二三四五六七八九十十一', drawRules: [{ count: 500 }] });
    expect(error.details.map((d) => d.message)).toEqual(['课程名称最多 10 个字', '抽题规则第 1 条的题数不能大于 100']);
    expect(error.details[1]).toMatchObject({ field: 'drawRules[0].count', rule: 'max', params: { max: 100 } });
  });

  it('asks for at least one item of an empty list and refuses an unknown field by its name', async () => {
    const error = await issuesOf({ title: '课程', drawRules: [], extra: 1 });
    expect(error.details.map((d) => d.message).sort()).toEqual(['不能提交“extra”这一项', '请至少添加 1 条抽题规则'].sort());
  });
});
