import { Workbook } from 'exceljs';
import { DEFAULT_ZIP_LIMITS } from '@cqo/core';
import type { UploadLimits } from './question-import';
import { ImportFileError, parseQuestionFile } from './question-import';
import type { TopicLookup } from './question-rules';
import { validateQuestion } from './question-rules';

const topics: TopicLookup = { categoryOf: (code) => (code.startsWith('C1-') ? 1 : code.startsWith('C2-') ? 2 : undefined) };

const LIMITS: UploadLimits = { zip: DEFAULT_ZIP_LIMITS, maxRows: 10000 };

const CSV = [
  '题型,题干,A,B,C,D,答案,类别,知识点,难度,解析',
  '单选,首席质量官由谁聘任？,企业主要负责人,员工大会,市场监管部门,行业协会,A,1,C1-03,易,',
  '多选,下列属于质量常用工具的是,排列图,因果图,控制图,资产负债表,ABC,2,C2-08,3,老七种工具',
  '判断,首席质量官每年须完成继续教育。,,,,,对,1,C1-03;C1-02,2,',
  '',
  '单选,缺答案的题,甲,乙,,,,1,C1-01,1,',
  '多选,只有一个正确答案的多选题,甲,乙,丙,,A,1,C1-01,1,',
  '单选,知识点不对的题,甲,乙,,,B,1,C2-01,6,',
  '问答,不支持的题型,甲,乙,,,A,1,C1-01,1,',
  '单选,答案字母没有选项,甲,乙,,,D,1,C1-01,1,',
].join('\n');

describe('parseQuestionFile', () => {
  it('reads topics by their Chinese names as well as by codes', async () => {
    const names: Record<string, string> = { 企业首席质量官制度: 'C1-03', 质量常用工具: 'C2-08', 'C1-02': 'C1-02' };
    const byName: TopicLookup = { ...topics, codeOf: (text) => names[text] };
    const csv = [
      '题型,题干,A,B,答案,类别,知识点,难度',
      '单选,按名称导入,甲,乙,A,1,企业首席质量官制度、C1-02,1',
      '单选,名称不对,甲,乙,A,1,不存在的知识点,1',
    ].join('\n');
    const sut = await parseQuestionFile('csv', Buffer.from(csv), byName, LIMITS);
    expect(sut.valid.map((v) => v.input.topics)).toEqual([['C1-03', 'C1-02']]);
    // An unknown name stays as written, so the report names what the person typed.
    expect(sut.issues.map((i) => i.message).join(' ')).toContain('不存在的知识点');
  });

  it('reads a CSV file, maps answers to options and reports every bad row by row and column', async () => {
    const sut = await parseQuestionFile('csv', Buffer.from(`\uFEFF${CSV}`), topics, LIMITS);
    expect(sut.rows).toBe(8);
    expect(sut.valid.map((v) => v.row)).toEqual([2, 3, 4]);
    expect(sut.valid[0].input).toMatchObject({ type: 'single', category: 1, topics: ['C1-03'], difficulty: 'easy' });
    expect(sut.valid[0].input.options.map((o) => o.correct)).toEqual([true, false, false, false]);
    expect(sut.valid[1].input.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['排列图', '因果图', '控制图']);
    expect(sut.valid[2].input).toMatchObject({
      type: 'true_false',
      topics: ['C1-03', 'C1-02'],
      options: [
        { text: '正确', correct: true },
        { text: '错误', correct: false },
      ],
    });
    expect(sut.issues.map((i) => i.field)).toEqual([
      'rows[6].answer',
      'rows[7].answer',
      'rows[8].topics',
      'rows[8].difficulty',
      'rows[9].type',
      'rows[10].answer',
    ]);
    for (const issue of sut.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads the first sheet of an XLSX workbook the same way', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('题库');
    for (const line of CSV.split('\n')) sheet.addRow(line === '' ? [] : line.split(','));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const sut = await parseQuestionFile('xlsx', buffer, topics, LIMITS);
    expect(sut.valid.map((v) => v.row)).toEqual([2, 3, 4]);
    expect(sut.issues.map((i) => i.field)).toContain('rows[10].answer');
  });

  it('refuses a file without the required columns, or that is not a workbook', async () => {
    await expect(parseQuestionFile('csv', Buffer.from('题干,答案\nx,A'), topics, LIMITS)).rejects.toThrow(ImportFileError);
    await expect(parseQuestionFile('xlsx', Buffer.from('not a zip'), topics, LIMITS)).rejects.toThrow(ImportFileError);
    await expect(parseQuestionFile('csv', Buffer.from(''), topics, LIMITS)).rejects.toThrow(ImportFileError);
  });
});

describe('validateQuestion', () => {
  const base = { stem: '题干', category: 1 as const, topics: ['C1-01'], difficulty: 3 };
  it('accepts each type when its key is right', () => {
    expect(
      validateQuestion(
        {
          ...base,
          type: 'single',
          options: [
            { text: 'a', correct: true },
            { text: 'b', correct: false },
          ],
        },
        topics,
      ),
    ).toEqual([]);
    expect(
      validateQuestion(
        {
          ...base,
          type: 'multiple',
          options: [
            { text: 'a', correct: true },
            { text: 'b', correct: true },
            { text: 'c', correct: false },
          ],
        },
        topics,
      ),
    ).toEqual([]);
    expect(
      validateQuestion(
        {
          ...base,
          type: 'true_false',
          options: [
            { text: '对', correct: false },
            { text: '错', correct: true },
          ],
        },
        topics,
      ),
    ).toEqual([]);
  });

  it('names each offending field', () => {
    const issues = validateQuestion(
      {
        ...base,
        type: 'single',
        stem: ' ',
        options: [
          { text: 'a', correct: true },
          { text: 'a', correct: true },
        ],
        topics: ['C2-01', 'ZZ'],
        difficulty: 9,
      },
      topics,
    );
    expect(issues.map((i) => i.field)).toEqual(['stem', 'options[1].text', 'options', 'topics', 'topics', 'difficulty']);
  });
});
