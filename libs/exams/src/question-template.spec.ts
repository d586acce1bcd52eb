import { Workbook } from 'exceljs';
import { DEFAULT_ZIP_LIMITS, readXlsxRows } from '@cqo/core';
import { parseQuestionFile } from './question-import';
import { buildQuestionTemplate } from './question-template';
import type { TopicLookup } from './question-rules';

const TOPICS = [
  { code: 'C2-08', name: '质量常用工具', category: 2 },
  { code: 'C1-03', name: '企业首席质量官制度', category: 1 },
  { code: 'C1-02', name: '国家质量发展政策', category: 1 },
];
const lookup: TopicLookup = {
  categoryOf: (code) => TOPICS.find((t) => t.code === code)?.category as 1 | 2 | undefined,
  codeOf: (text) => TOPICS.find((t) => t.name === text || t.code === text)?.code,
};

async function template(): Promise<Workbook> {
  const book = new Workbook();
  const file = await buildQuestionTemplate(TOPICS.map(({ name, category }) => ({ name, category })));
  // exceljs's typings predate Node's generic Buffer.
  await book.xlsx.load(file as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

describe('buildQuestionTemplate', () => {
  it('offers every topic name in the 知识点 drop-down, from the topic list sheet', async () => {
    const book = await template();
    const [questions, topicList] = book.worksheets;
    const headers = (questions.getRow(1).values as string[]).slice(1);
    const topicColumn = String.fromCharCode(64 + headers.indexOf('知识点') + 1);
    expect(questions.getCell(`${topicColumn}2`).dataValidation).toMatchObject({ type: 'list', formulae: [`'知识点列表'!$A$2:$A$4`] });
    expect(questions.getCell(`${topicColumn}2001`).dataValidation?.type).toBe('list');
    const listed = [2, 3, 4].map((r) => topicList.getCell(`A${r}`).value);
    expect(listed).toEqual(['国家质量发展政策', '企业首席质量官制度', '质量常用工具']);
    const typeColumn = String.fromCharCode(64 + headers.indexOf('题型') + 1);
    expect(questions.getCell(`${typeColumn}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"单选题,多选题,判断题"'],
      errorStyle: 'stop',
    });
  });

  it('is read by the importer once filled in: the data sheet comes first and its headers are the importer’s', async () => {
    const book = await template();
    const questions = book.worksheets[0];
    const headers = (questions.getRow(1).values as string[]).slice(1);
    const row = Object.fromEntries(headers.map((h) => [h, '']));
    Object.assign(row, {
      题型: '多选题',
      题干: '下列属于质量常用工具的是',
      选项A: '排列图',
      选项B: '因果图',
      选项C: '资产负债表',
      答案: 'AB',
      类别: '2',
      知识点: '质量常用工具',
      难度: '中',
    });
    questions.addRow(headers.map((h) => row[h]));
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const sut = await parseQuestionFile('xlsx', filled, lookup, { zip: DEFAULT_ZIP_LIMITS, maxRows: 10_000 });
    expect(sut.issues).toEqual([]);
    expect(sut.valid).toHaveLength(1);
    expect(sut.valid[0].input).toMatchObject({ type: 'multiple', category: 2, topics: ['C2-08'], difficulty: 'medium' });
  });

  it('leaves the data sheet empty: the example is on the guide sheet, so nothing is imported by mistake', async () => {
    const empty = await buildQuestionTemplate(TOPICS);
    const rows = await readXlsxRows(empty, DEFAULT_ZIP_LIMITS, { maxRows: 10, field: 'content', tooManyRowsMessage: 'x' });
    expect(rows.filter((r) => r.cells.some((c) => c !== ''))).toHaveLength(1);
    const book = await template();
    expect(book.worksheets.map((w) => w.name)).toEqual(['试题', '知识点列表', '填写说明']);
  });
});
