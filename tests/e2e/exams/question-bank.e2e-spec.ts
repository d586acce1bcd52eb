import { Workbook } from 'exceljs';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { createQuestion, questionBodies } from '../../support/exams';
import type { World } from '../../support/fixtures';
import { seedWorld } from '../../support/fixtures';

const CSV = [
  '题型,题干,A,B,C,D,答案,类别,知识点,难度,解析',
  '单选,导入单选：首席质量官由谁聘任？,企业主要负责人,员工大会,市场监管部门,行业协会,A,1,cqo-system,易,',
  '多选,导入多选：质量常用工具,排列图,因果图,控制图,资产负债表,ABC,2,quality-tools;six-sigma,3,',
  '判断,导入判断：首席质量官每年须参加继续教育。,,,,,对,1,cqo-system,2,',
].join('\n');

describe('question bank', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi();
    world = await seedWorld(api);
  });
  afterAll(() => api.close());

  const post = (url: string, payload: object, token = world.tokens.orgAdminA) => api.request({ method: 'POST', url, token, payload });

  it('stores each type with random option ids and the key, for its owner only', async () => {
    for (const body of [questionBodies.single(1), questionBodies.multiple(1), questionBodies.trueFalse(1)]) {
      const q = await createQuestion(api, world.tokens.orgAdminA, body);
      expect(q).toMatchObject({ version: 1, type: body.type, category: body.category, topics: body.topics, archived: false });
      expect(q.options.map((o) => o.correct)).toEqual(body.options.map((o) => o.correct));
      for (const o of q.options) expect(o.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect((await api.request({ method: 'GET', url: `/exam-questions/${q.id}`, token: world.tokens.orgAdminB })).statusCode).toBe(404);
    }
    // A regulator keeps a bank of its own for the capability tests its bureau runs.
    const own = await createQuestion(api, world.tokens.regulatorLZ, questionBodies.single(2));
    const list = (await api.request({ method: 'GET', url: '/exam-questions', token: world.tokens.regulatorLZ })).json();
    expect(list.items.map((q: { id: string }) => q.id)).toEqual([own.id]);
  });

  it('names every offending field of a bad question', async () => {
    const res = await post('/exam-questions', {
      ...questionBodies.multiple(3),
      options: [
        { text: '甲', correct: true },
        { text: '乙', correct: false },
        { text: '丙', correct: false },
      ],
      topics: ['cqo-system'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'QUESTION_INVALID' });
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(['options', 'topics']);
    const shape = await post('/exam-questions', { ...questionBodies.single(3), difficulty: 9, type: 'essay' });
    expect(
      shape
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['difficulty', 'type']);
  });

  it('lists by type, topic and difficulty, and archives', async () => {
    const q = await createQuestion(api, world.tokens.orgAdminA, questionBodies.multiple(10, { topics: ['six-sigma'], difficulty: 'hard' }));
    const found = (
      await api.request({ method: 'GET', url: '/exam-questions?topic=six-sigma&difficulty=5&type=multiple', token: world.tokens.orgAdminA })
    ).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([q.id]);
    // Other tests add six-sigma questions too: the archived one leaves the list, the others stay.
    const sixSigma = async () =>
      (await api.request({ method: 'GET', url: '/exam-questions?topic=six-sigma', token: world.tokens.orgAdminA })).json();
    const listed = await sixSigma();
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(q.id);
    await post(`/exam-questions/${q.id}/archive`, {});
    const after = await sixSigma();
    expect(after.total).toBe(listed.total - 1);
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(q.id);
    const edit = await api.request({
      method: 'PUT',
      url: `/exam-questions/${q.id}`,
      token: world.tokens.orgAdminA,
      payload: questionBodies.multiple(10),
    });
    expect(edit.json().code).toBe('QUESTION_ARCHIVED');
  });

  it('imports a CSV file whole, or nothing with a report naming each bad cell by row', async () => {
    const bad = `${CSV}\n单选,缺答案,甲,乙,,,,1,cqo-system,1,\n多选,知识点错,甲,乙,丙,,AB,1,six-sigma,6,`;
    // The XLSX template test imports a question of its own that this search finds too: counted before and after.
    const found = async () => (await api.request({ method: 'GET', url: '/exam-questions?q=导入', token: world.tokens.orgAdminA })).json();
    const before = (await found()).total as number;
    const rejected = await post('/exam-questions/import', { format: 'csv', contentBase64: Buffer.from(bad).toString('base64') });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().code).toBe('IMPORT_ROWS_INVALID');
    expect(rejected.json().details.map((d: { field: string }) => d.field)).toEqual([
      'rows[5].answer',
      'rows[6].topics',
      'rows[6].difficulty',
    ]);
    expect((await found()).total).toBe(before);

    const dry = await post('/exam-questions/import', { format: 'csv', contentBase64: Buffer.from(CSV).toString('base64'), dryRun: true });
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 3, imported: 0 });
    const ok = await post('/exam-questions/import', { format: 'csv', contentBase64: Buffer.from(CSV).toString('base64') });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 3, imported: 3 });
    const imported = await found();
    expect(imported.total).toBe(before + 3);
    expect(imported.items.map((q: { type: string }) => q.type)).toEqual(expect.arrayContaining(['multiple', 'single', 'true_false']));
  });

  it('hands out an XLSX template whose 知识点 drop-down lists the topic names, and imports it once filled in', async () => {
    const res = await api.request({ method: 'GET', url: '/exam-questions/import-template', token: world.tokens.orgAdminA });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']))?.[1] ?? '')).toBe(
      '试题导入模板.xlsx',
    );
    const book = new Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const [questions, topicList] = book.worksheets;
    const names = topicList.getColumn(1).values.slice(2) as string[];
    expect(names).toHaveLength(17);
    expect(names).toContain('质量常用工具');
    const headers = (questions.getRow(1).values as string[]).slice(1);
    const column = (h: string) => headers.indexOf(h) + 1;
    expect(questions.getCell(2, column('知识点')).dataValidation).toMatchObject({ type: 'list', formulae: [`'知识点列表'!$A$2:$A$18`] });
    const row: (string | number)[] = headers.map(() => '');
    Object.entries({
      题型: '单选题',
      题干: '模板导入：排列图用于',
      选项A: '找出主要问题',
      选项B: '计算利润',
      答案: 'A',
      类别: 2,
      知识点: '质量常用工具',
      难度: '易',
    }).forEach(([h, v]) => (row[column(h) - 1] = v));
    questions.addRow(row);
    const filled = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    expect((await post('/exam-questions/import', { format: 'xlsx', contentBase64: filled })).json()).toMatchObject({
      rows: 1,
      imported: 1,
    });
    expect((await api.request({ method: 'GET', url: '/exam-questions/import-template', token: world.tokens.traineeLZ })).statusCode).toBe(
      403,
    );
  });

  it('imports the first sheet of an XLSX workbook, and refuses a file that is not one', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('题库');
    sheet.addRow(['type', 'stem', 'A', 'B', 'C', 'answer', 'category', 'topics', 'difficulty']);
    sheet.addRow(['single', 'XLSX 单选', '甲', '乙', '丙', 'B', 2, 'lean', 'medium']);
    sheet.addRow(['true_false', 'XLSX 判断', '', '', '', '错', 1, 'quality-laws', 1]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const ok = await post('/exam-questions/import', { format: 'xlsx', contentBase64: content });
    expect(ok.json()).toMatchObject({ rows: 2, imported: 2 });
    const [first] = (
      await api.request({ method: 'GET', url: `/exam-questions/${ok.json().questionIds[0]}`, token: world.tokens.orgAdminA })
    )
      .json()
      .options.filter((o: { correct: boolean }) => o.correct);
    expect(first.text).toBe('乙');

    const broken = await post('/exam-questions/import', {
      format: 'xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'IMPORT_FILE_INVALID', details: [{ field: 'content' }] });
  });
});
