import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { traineeActor } from '@cqo/core';
import { TokenService } from '@cqo/identity';
import type { TestApi } from './api';
import type { World } from './fixtures';

/** A valid online course body (category 1, appointment, two required video lessons and an optional document). */
export function onlineCourse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '质量强国战略与首席质量官制度',
    description: '首席质量官任职培训：国家质量发展政策与企业首席质量官制度。',
    category: 1,
    topicCodes: ['national-quality-policy', 'cqo-system'],
    kind: 'appointment',
    creditHours: '2.5',
    deliveryMode: 'online',
    capacity: null,
    lessons: [
      { title: '质量强国建设纲要解读', type: 'video', minutes: 10, required: true },
      { title: '首席质量官的职责', type: 'video', minutes: 5, required: true },
      { title: '延伸阅读', type: 'document', minutes: 20, required: false },
    ],
    ...overrides,
  };
}

let approvals = 0;

/** Creates, submits, approves and publishes a course of org A (or B); returns the published version. */
export async function publishCourse(
  api: TestApi,
  world: World,
  body: Record<string, unknown> = onlineCourse(),
  org: 'A' | 'B' = 'A',
): Promise<{ id: string; courseId: string; lessons: { id: string; type: string; minutes: number }[] } & Record<string, unknown>> {
  const orgToken = org === 'A' ? world.tokens.orgAdminA : world.tokens.orgAdminB;
  const created = await api.request({ method: 'POST', url: '/courses', token: orgToken, payload: body });
  if (created.statusCode !== 201) throw new Error(`create course: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const steps: [string, string, object | undefined][] = [
    [`/course-versions/${id}/submit`, orgToken, undefined],
    [
      `/course-versions/${id}/approve`,
      world.tokens.admin,
      { approvalNumber: `甘质培审〔2026〕${++approvals}-${randomUUID().slice(0, 6)}` },
    ],
    [`/course-versions/${id}/publish`, orgToken, undefined],
  ];
  let last = created;
  for (const [url, token, payload] of steps) {
    last = await api.request({ method: 'POST', url, token, payload });
    if (last.statusCode !== 200) throw new Error(`${url}: ${last.statusCode} ${last.body}`);
  }
  return last.json();
}

/** Enrols the token's trainee in a published course version; returns the enrolment id. */
export async function enrol(api: TestApi, token: string, courseVersionId: string): Promise<string> {
  const res = await api.request({ method: 'POST', url: '/me/enrollments', token, payload: { courseVersionId } });
  if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/**
 * Inserts `count` trainees straight into the tables (no argon2, no ID-number hashing through the
 * service) and returns their ids and access tokens: fast enough for hundreds of users in a test.
 */
export async function insertTrainees(api: TestApi, count: number, prefix = 'bulk'): Promise<{ id: string; token: string }[]> {
  const dataSource = api.get(DataSource);
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO users (username, password_hash, display_name, role)
     SELECT $1 || '-' || g, 'not-a-hash', '学员' || g, 'trainee' FROM generate_series(1, $2::int) g RETURNING id`,
    [`${prefix}-${randomUUID().slice(0, 8)}`, count],
  );
  await dataSource.query(
    `INSERT INTO trainee_profiles (user_id, full_name, id_number_hash, id_number_masked, education_level)
     SELECT id, '批量学员', 'bulk-' || id, '620102********0000', 'bachelor' FROM unnest($1::uuid[]) AS id`,
    [rows.map((r) => r.id)],
  );
  const signer = api.get(TokenService);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      token: await signer.signAccess(traineeActor(r.id)),
    })),
  );
}
