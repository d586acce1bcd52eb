import type { INestApplicationContext } from '@nestjs/common';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { logIn } from '../../support/auth';
import type { World } from '../../support/fixtures';
import { seedWorld, testIdNumber, TEST_PASSWORD } from '../../support/fixtures';
import { createTestWorker, eventually } from '../../support/worker';

/**
 * `npm start` without SMTP: the worker's local catch-all receives the mail (real SMTP on
 * 127.0.0.1) and writes .eml files under storage/mail-catch-all; a platform admin reads them
 * through the API, enough for a newcomer to follow a password reset end to end.
 */
describe('mail catch-all (no SMTP configured)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi({ env: { MAIL_CATCH_ALL: 'on' } });
    world = await seedWorld(api);
    worker = await createTestWorker(api.ctx.config);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('catches the reset mail as an .eml file, lists it for the admin, and its link resets the password', async () => {
    expect(api.ctx.config.mail.mode).toBe('catch-all');
    const reg = await api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username: 'newcomer',
        password: TEST_PASSWORD,
        email: 'newcomer@example.test',
        fullName: '新同事',
        idNumber: testIdNumber(77),
        educationLevel: 'bachelor',
        qualityWorkYears: 3,
        qualityQualification: 'none',
        relatedSeniorTitle: false,
      },
    });
    expect(reg.statusCode).toBe(201);
    await api.request({ method: 'POST', url: '/auth/password/forgot', payload: { email: 'newcomer@example.test' } });

    const list = await eventually(
      async () => {
        const res = await api.request({ method: 'GET', url: '/admin/mail/catch-all', token: world.tokens.admin });
        const items = res.json() as { id: string; subject: string; to: string; receivedAt: string }[];
        return items.some((m) => m.subject === '重置密码') ? items : undefined;
      },
      20_000,
      'the reset mail in the catch-all',
    );
    const reset = list.find((m) => m.subject === '重置密码')!;
    expect(reset.to).toBe('newcomer@example.test');
    expect(list.map((m) => m.subject)).toContain('请验证您的邮箱');
    const files = await readdir(join(api.ctx.config.storageDir, 'mail-catch-all'));
    expect(files).toContain(reset.id);

    const message = await api.request({ method: 'GET', url: `/admin/mail/catch-all/${reset.id}`, token: world.tokens.admin });
    expect(message.statusCode).toBe(200);
    const { text, html } = message.json() as { text: string; html: string };
    expect(html).toContain('设置新密码');
    const token = decodeURIComponent(/\/app\/reset-password\?token=([^\s]+)/.exec(text)![1]);
    const newPassword = 'Lanzhou-Yellow-River#2027';
    expect((await api.request({ method: 'POST', url: '/auth/password/reset', payload: { token, newPassword } })).statusCode).toBe(204);
    await logIn(api, 'newcomer', newPassword);

    // Only platform admins read it; a name that is not a caught file is a 404, never a path.
    expect((await api.request({ method: 'GET', url: '/admin/mail/catch-all', token: world.tokens.traineeLZ })).statusCode).toBe(403);
    expect(
      (await api.request({ method: 'GET', url: `/admin/mail/catch-all/..%2F..%2Fetc%2Fpasswd`, token: world.tokens.admin })).statusCode,
    ).toBe(404);
  });
});
