import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestApi } from './api';

/** Question bodies for tests; `n` makes each stem unique. Topics are the seeded codes. */
export const questionBodies = {
  single: (n: number, over: Record<string, unknown> = {}) => ({
    type: 'single',
    stem: `单选题${n}：首席质量官一般由谁聘任？`,
    options: [
      { text: '企业主要负责人', correct: true },
      { text: '职工代表大会', correct: false },
      { text: '市场监管部门', correct: false },
      { text: '行业协会', correct: false },
    ],
    category: 1,
    topics: ['cqo-system'],
    difficulty: 2,
    explanation: '由企业主要负责人聘任。',
    ...over,
  }),
  multiple: (n: number, over: Record<string, unknown> = {}) => ({
    type: 'multiple',
    stem: `多选题${n}：下列属于质量常用工具的是`,
    options: [
      { text: '排列图', correct: true },
      { text: '因果图', correct: true },
      { text: '资产负债表', correct: false },
      { text: '控制图', correct: true },
    ],
    category: 2,
    topics: ['quality-tools'],
    difficulty: 3,
    ...over,
  }),
  trueFalse: (n: number, over: Record<string, unknown> = {}) => ({
    type: 'true_false',
    stem: `判断题${n}：首席质量官每年须参加继续教育。`,
    options: [
      { text: '正确', correct: true },
      { text: '错误', correct: false },
    ],
    category: 1,
    topics: ['cqo-system'],
    difficulty: 1,
    ...over,
  }),
};

export async function createQuestion(
  api: TestApi,
  token: string,
  body: object,
): Promise<{ id: string; versionId: string; options: { id: string; correct: boolean }[] }> {
  const res = await api.request({ method: 'POST', url: '/exam-questions', token, payload: body });
  if (res.statusCode !== 201) throw new Error(`create question: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Creates a paper (and publishes it unless told not to); returns its id. */
export async function createPaper(api: TestApi, token: string, body: object, publish = true): Promise<string> {
  const res = await api.request({ method: 'POST', url: '/exam-papers', token, payload: body });
  if (res.statusCode !== 201) throw new Error(`create paper: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (publish) {
    const published = await api.request({ method: 'POST', url: `/exam-papers/${id}/publish`, token });
    if (published.statusCode !== 200) throw new Error(`publish paper: ${published.statusCode} ${published.body}`);
  }
  return id;
}

export const basePaper = (over: Record<string, unknown> = {}) => ({
  kind: 'capability_test',
  title: '质量管理能力测试',
  passMarkPercent: 60,
  timeLimitMinutes: 30,
  ...over,
});

/** The answer key of an attempt, read from the database (tests only: no route ever returns it to a trainee). */
export async function keyOf(api: TestApi, attemptId: string): Promise<Map<number, string[]>> {
  const dataSource = api.get<DataSource>(getDataSourceToken());
  const rows: { position: number; correct_option_ids: string[] }[] = await dataSource.query(
    `SELECT i.position, v.correct_option_ids FROM exam_attempt_items i JOIN question_versions v ON v.id = i.question_version_id
      WHERE i.attempt_id = $1 ORDER BY i.position`,
    [attemptId],
  );
  return new Map(rows.map((r) => [r.position, r.correct_option_ids]));
}

/** Answers: right where `right(position)` says so, else a wrong option. */
export async function answersFor(
  api: TestApi,
  attempt: { id: string; items: { position: number; options: { id: string }[] }[] },
  right: (position: number) => boolean,
): Promise<{ position: number; optionIds: string[] }[]> {
  const key = await keyOf(api, attempt.id);
  return attempt.items.map((item) => {
    const correct = key.get(item.position)!;
    return { position: item.position, optionIds: right(item.position) ? correct : [item.options.find((o) => !correct.includes(o.id))!.id] };
  });
}
