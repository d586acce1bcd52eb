import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { JobName } from '@cqo/core';
import { chinaDateOf, jobIdFor, JobQueues, Queues, queuePrefix, redisConnectionOptions, DEFAULT_JOB_OPTIONS } from '@cqo/core';
import { ComplianceEngine, currentYear } from '@cqo/credit-hours';
import { MailDeliveryService } from '@cqo/notifications';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';
import { logIn, refreshWithCookie } from '../../support/auth';
import type { World } from '../../support/fixtures';
import { seedWorld, testIdNumber, TEST_PASSWORD } from '../../support/fixtures';
import type { ReceivedMail, SmtpSink } from '../../support/smtp-sink';
import { startSmtpSink } from '../../support/smtp-sink';
import { createTestWorker, eventually } from '../../support/worker';

/**
 * Issue 16, e-mail: the API and the worker in this process, mail through real SMTP to a server
 * in the test (smtp-server). Links are read from the mails received.
 */
describe('e-mail: verification, password reset, reminders, bounces, unsubscribe', () => {
  let smtp: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let world: World;
  let db: DataSource;
  const queues = new Map<string, Queue>();

  const queue = (name: string) => {
    let q = queues.get(name);
    if (!q)
      queues.set(name, (q = new Queue(name, { prefix: queuePrefix(api.ctx.config), connection: redisConnectionOptions(api.ctx.config) })));
    return q;
  };

  /** Waits until the job the outbox relay made of an event for `job` has completed. */
  const eventJobDone = async (eventId: string, job: JobName) => {
    await eventually(
      async () => ((await queue(JobQueues[job]).getJobState(jobIdFor('evt', eventId, job))) === 'completed' ? true : undefined),
      20_000,
      `${job} of event ${eventId}`,
    );
  };

  const eventIdOf = async (type: string, key: string, value: string): Promise<string> => {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM outbox_events WHERE type = $1 AND payload->>$2 = $3 ORDER BY id DESC LIMIT 1`,
      [type, key, value],
    );
    return rows[0].id;
  };

  const mailTo = (address: string, subject: string | RegExp, n = 1): Promise<ReceivedMail[]> =>
    eventually(
      async () => {
        const found = smtp.to(address).filter((m) => (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)));
        return found.length >= n ? found : undefined;
      },
      20_000,
      `mail "${subject}" to ${address}`,
    );

  const tokenIn = (mail: ReceivedMail, path: string): string => {
    const match = new RegExp(`/app/${path}\\?token=([^\\s"&<]+)`).exec(mail.text);
    if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
    return decodeURIComponent(match[1]);
  };

  let serial = 100;
  const register = async (username: string, email: string, extra: object = {}) => {
    serial += 1;
    const res = await api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username,
        password: TEST_PASSWORD,
        email,
        fullName: '邮件学员',
        idNumber: testIdNumber(serial),
        educationLevel: 'bachelor',
        qualityWorkYears: 6,
        qualityQualification: 'intermediate',
        relatedSeniorTitle: false,
        ...extra,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().userId as string;
  };

  const verify = async (address: string) => {
    const [mail] = await mailTo(address, '请验证您的邮箱');
    const res = await api.request({ method: 'POST', url: '/auth/email/verify', payload: { token: tokenIn(mail, 'verify-email') } });
    expect(res.statusCode).toBe(200);
    return res;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await createTestApi({
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_SECURITY: 'none',
        MAIL_DIGEST_WAIT_SECONDS: '1',
        PUBLIC_BASE_URL: 'https://cqo.example.cn',
      },
    });
    world = await seedWorld(api);
    db = api.get(DataSource);
    worker = await createTestWorker(api.ctx.config);
  }, 60_000);

  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('register → verification mail → verify → log in; log-in is allowed before, and /auth/me says whether the address is verified', async () => {
    await register('mailer1', 'Mailer1@Example.test');
    const before = await logIn(api, 'mailer1', TEST_PASSWORD);
    const me = await api.request({ method: 'GET', url: '/auth/me', token: before.accessToken });
    expect(me.json()).toMatchObject({ email: 'mailer1@example.test', emailVerified: false });

    const [mail] = await mailTo('mailer1@example.test', '请验证您的邮箱');
    expect(mail.text).toContain('mailer1');
    expect(mail.html).toContain('验证邮箱');
    const token = tokenIn(mail, 'verify-email');
    const verified = await api.request({ method: 'POST', url: '/auth/email/verify', payload: { token } });
    expect(verified.json()).toEqual({ email: 'mailer1@example.test', verified: true });
    // A link is good once.
    const again = await api.request({ method: 'POST', url: '/auth/email/verify', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'ACCOUNT_TOKEN_INVALID', details: [{ field: 'token' }] });

    const session = await logIn(api, 'mailer1', TEST_PASSWORD);
    const after = await api.request({ method: 'GET', url: '/auth/me', token: session.accessToken });
    expect(after.json()).toMatchObject({ username: 'mailer1', emailVerified: true });
  });

  it('forgot password → link from the mail → new password; every old session ends; the answer is the same for an unknown address', async () => {
    await register('mailer2', 'mailer2@example.test');
    await verify('mailer2@example.test');
    const phone = await logIn(api, 'mailer2', TEST_PASSWORD);
    const laptop = await logIn(api, 'mailer2', TEST_PASSWORD);

    // The API does the same work for both (one outbox row, no lookup), so neither the answer nor its timing tells.
    const writes = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*) FROM outbox_events WHERE type = 'identity.password-reset-requested')::int AS events, (SELECT count(*) FROM account_tokens)::int AS tokens`,
        )
      )[0];
    const before = await writes();
    const unknown = await api.request({ method: 'POST', url: '/auth/password/forgot', payload: { email: 'nobody@example.test' } });
    const afterUnknown = await writes();
    const known = await api.request({ method: 'POST', url: '/auth/password/forgot', payload: { email: 'MAILER2@example.test' } });
    const afterKnown = await writes();
    expect(known.statusCode).toBe(202);
    expect({ status: unknown.statusCode, body: unknown.body }).toEqual({ status: known.statusCode, body: known.body });
    expect(afterUnknown.events - before.events).toBe(1);
    expect(afterKnown.events - afterUnknown.events).toBe(1);

    const [mail] = await mailTo('mailer2@example.test', '重置密码');
    expect(mail.text).toContain('30分钟');
    const token = tokenIn(mail, 'reset-password');
    // Nothing was mailed for the unknown address once its job is done.
    await eventJobDone(await eventIdOf('identity.password-reset-requested', 'email', 'nobody@example.test'), 'mail.password-reset');
    expect(smtp.attempts.get('nobody@example.test')).toBeUndefined();

    const weak = await api.request({ method: 'POST', url: '/auth/password/reset', payload: { token, newPassword: 'password123' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: [{ field: 'newPassword' }] });

    const newPassword = 'Gansu-Quality#2027x';
    const reset = await api.request({ method: 'POST', url: '/auth/password/reset', payload: { token, newPassword } });
    expect(reset.statusCode).toBe(204);

    // Old sessions: access tokens refused at once, refresh tokens revoked.
    for (const s of [phone, laptop]) {
      expect((await api.request({ method: 'GET', url: '/auth/me', token: s.accessToken })).statusCode).toBe(401);
      expect((await refreshWithCookie(api, s.refreshToken)).statusCode).toBe(401);
    }
    expect(
      (await api.request({ method: 'POST', url: '/auth/login', payload: { username: 'mailer2', password: TEST_PASSWORD } })).statusCode,
    ).toBe(401);
    await logIn(api, 'mailer2', newPassword);
    // Single use.
    const reuse = await api.request({
      method: 'POST',
      url: '/auth/password/reset',
      payload: { token, newPassword: 'Another-Strong#Pass2028' },
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json()).toMatchObject({ details: [{ field: 'token' }] });
  });

  it('a reset link older than 30 minutes is refused', async () => {
    await register('mailer3', 'mailer3@example.test');
    await api.request({ method: 'POST', url: '/auth/password/forgot', payload: { email: 'mailer3@example.test' } });
    const token = tokenIn((await mailTo('mailer3@example.test', '重置密码'))[0], 'reset-password');
    await db.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'password_reset' AND email = 'mailer3@example.test'`,
    );
    const res = await api.request({ method: 'POST', url: '/auth/password/reset', payload: { token, newPassword: 'Gansu-Quality#2027x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_TOKEN_INVALID', details: [{ field: 'token' }] });
  });

  describe('shortfall reminders', () => {
    let trainee: string;
    let username: string;
    let address: string;
    let shorties = 0;

    // Each test its own short trainee (its own digest, its own mail settings).
    beforeEach(async () => {
      shorties += 1;
      username = `shorty${shorties}`;
      address = `short${shorties}@example.test`;
      trainee = await register(username, address, { yearlyRequirementsOptIn: true });
      await verify(address);
      // Today (CST) is a reminder date, and the trainee (no hours yet) is short.
      await db.query('UPDATE requirement_rule_sets SET reminder_dates = $1', [[chinaDateOf(new Date()).slice(5)]]);
      await api.get(ComplianceEngine).recomputeTrainee(trainee, currentYear(new Date()));
    });

    it('arrives once, as one digest, though the reminder job runs twice and an outbox event is duplicated', async () => {
      const jobs = await Promise.all(
        [1, 2].map((n) => queue(Queues.compliance).add('compliance.remind', {}, { ...DEFAULT_JOB_OPTIONS, jobId: `remind-twice-${n}` })),
      );
      await eventually(
        async () =>
          (await Promise.all(jobs.map((j) => queue(Queues.compliance).getJobState(j.id!)))).every((s) => s === 'completed')
            ? true
            : undefined,
        30_000,
        'reminder jobs',
      );
      const reminders: { id: string; title: string }[] = await db.query(
        `SELECT id, title FROM notifications WHERE user_id = $1 AND kind = 'compliance.reminder'`,
        [trainee],
      );
      // Both yearly requirements are short: two reminders, one digest.
      expect(reminders.length).toBeGreaterThanOrEqual(2);
      // The same notification announced twice (a relay that crashed between enqueue and mark, say).
      await db.transaction(async (m) => {
        const [{ id }] = await m.query(`INSERT INTO outbox_events (type, payload) VALUES ('notification.created', $1) RETURNING id`, [
          JSON.stringify({ notificationId: reminders[0].id }),
        ]);
        await m.query('SELECT pg_notify($1, $2)', ['outbox_events', String(id)]);
      });
      const events: { id: string }[] = await db.query(
        `SELECT id FROM outbox_events WHERE type = 'notification.created' AND payload->>'notificationId' = ANY($1)`,
        [reminders.map((r) => r.id)],
      );
      expect(events.length).toBe(reminders.length + 1);
      for (const e of events) await eventJobDone(e.id, 'mail.notification');

      const mails = smtp.to(address).filter((m) => m.subject.startsWith('【提醒】'));
      expect(mails).toHaveLength(1);
      const [digest] = mails;
      for (const r of reminders) expect(digest.text).toContain(r.title);
      expect(digest.text).toMatch(/还有\d+天/);
      expect(digest.text).toMatch(/尚差[\d.]+学时/);
      expect(digest.html).toContain('尚差');
      expect(digest.text).toContain('https://cqo.example.cn/app/unsubscribe?token=');
      expect(digest.header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/cqo\.example\.cn\/app\/unsubscribe\?token=[^>]+>$/);
      const keys = await db.query(`SELECT idempotency_key, status FROM mail_messages WHERE user_id = $1 AND category = 'reminder'`, [
        trainee,
      ]);
      expect(keys).toEqual([{ idempotency_key: `reminder-digest:${trainee}:${chinaDateOf(new Date())}`, status: 'sent' }]);
    });

    it('unsubscribe stops reminder mail only: course, claim and certificate mail still arrive', async () => {
      const job = await queue(Queues.compliance).add('compliance.remind', {}, { ...DEFAULT_JOB_OPTIONS, jobId: `remind-${username}` });
      await eventually(
        async () => ((await queue(Queues.compliance).getJobState(job.id!)) === 'completed' ? true : undefined),
        30_000,
        'reminder job',
      );
      const [digest] = await mailTo(address, /^【提醒】/);
      const token = tokenIn(digest, 'unsubscribe');
      const bad = await api.request({ method: 'POST', url: '/mail/unsubscribe', payload: { token: `${trainee}.${'x'.repeat(43)}` } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ details: [{ field: 'token' }] });
      expect((await api.request({ method: 'POST', url: '/mail/unsubscribe', payload: { token } })).statusCode).toBe(204);

      const session = await logIn(api, username, TEST_PASSWORD);
      const settings = await api.request({ method: 'GET', url: '/me/notification-settings', token: session.accessToken });
      expect(settings.json()).toEqual({ email: address, emailVerified: true, emailReminders: false, emailUpdates: true });

      // Tomorrow's reminder (another digest day) is not mailed; a certificate notice is.
      const [reminder] = await db.query(
        `INSERT INTO notifications (user_id, kind, title, body, dedupe_key, created_at)
         VALUES ($1, 'compliance.reminder', '明日提醒', '尚差1学时', 'test-tomorrow', now() + interval '1 day') RETURNING id`,
        [trainee],
      );
      const [certificate] = await db.query(
        `INSERT INTO notifications (user_id, kind, title, body, dedupe_key) VALUES ($1, 'certificate_issued', '您的结业证书已签发', '证书编号 GS-TEST', 'test-cert') RETURNING id`,
        [trainee],
      );
      await mailTo(address, '您的结业证书已签发');
      await eventJobDone(await eventIdOf('notification.created', 'notificationId', reminder.id), 'mail.notification');
      expect(smtp.to(address).filter((m) => m.subject.startsWith('【提醒】'))).toHaveLength(1);
      expect(certificate.id).toBeDefined();

      // In-app notifications stay whatever the mail settings.
      const inApp = await api.request({ method: 'GET', url: '/me/notifications', token: session.accessToken });
      expect(inApp.json().items.map((n: { title: string }) => n.title)).toContain('明日提醒');
    });

    it('the preferences API turns update mail off too, and refuses a value of the wrong type naming the field', async () => {
      const session = await logIn(api, username, TEST_PASSWORD);
      const bad = await api.request({
        method: 'PUT',
        url: '/me/notification-settings',
        token: session.accessToken,
        payload: { emailUpdates: 'yes' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ details: [{ field: 'emailUpdates' }] });
      const off = await api.request({
        method: 'PUT',
        url: '/me/notification-settings',
        token: session.accessToken,
        payload: { emailUpdates: false },
      });
      expect(off.json()).toMatchObject({ emailReminders: true, emailUpdates: false });
      const [n] = await db.query(
        `INSERT INTO notifications (user_id, kind, title, body, dedupe_key) VALUES ($1, 'external_claim.decided', '外部学时申请已通过', '核定2学时', 'test-claim') RETURNING id`,
        [trainee],
      );
      await eventJobDone(await eventIdOf('notification.created', 'notificationId', n.id), 'mail.notification');
      expect(smtp.to(address).map((m) => m.subject)).not.toContain('外部学时申请已通过');
    });
  });

  it('an address the server refuses goes to the dead-letter list, is not mailed again, and admins see it', async () => {
    const address = 'bounce-me@example.test';
    const userId = await register('bouncer', address);
    const firstEvent = await eventIdOf('identity.email-verification-requested', 'userId', userId);
    await eventJobDone(firstEvent, 'mail.email-verification');
    expect(smtp.attempts.get(address)).toBe(1);
    expect(smtp.to(address)).toEqual([]);

    await api.request({ method: 'POST', url: '/auth/password/forgot', payload: { email: address } });
    await eventJobDone(await eventIdOf('identity.password-reset-requested', 'email', address), 'mail.password-reset');
    expect(smtp.attempts.get(address)).toBe(1);
    const statuses = await db.query(`SELECT category, status FROM mail_messages WHERE to_address = $1 ORDER BY created_at`, [address]);
    expect(statuses).toEqual([
      { category: 'account', status: 'bounced' },
      { category: 'account', status: 'suppressed' },
    ]);

    const list = await api.request({ method: 'GET', url: '/admin/mail/dead-letters', token: world.tokens.admin });
    expect(list.json()).toEqual([expect.objectContaining({ address, smtpCode: 550, bounces: 1 })]);
    expect((await api.request({ method: 'GET', url: '/admin/mail/dead-letters', token: world.tokens.traineeLZ })).statusCode).toBe(403);
  });

  it('five jobs sending one idempotency key at the same moment send one mail', async () => {
    const delivery = worker.get(MailDeliveryService);
    let renders = 0;
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        delivery.sendOnce({
          idempotencyKey: 'test:race',
          userId: null,
          category: 'update',
          to: 'race@example.test',
          render: async () => (renders++, { to: 'race@example.test', subject: '并发测试', text: '一封' }),
        }),
      ),
    );
    expect(outcomes.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'sent']);
    expect(renders).toBe(1);
    expect(smtp.to('race@example.test')).toHaveLength(1);
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    // The events these requests would write; the worker may still be writing others (welcome notifications) meanwhile.
    const events = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*)::int AS n FROM outbox_events WHERE type IN ('user.registered', 'identity.password-reset-requested', 'identity.email-verification-requested')`,
          )
        )[0].n,
      );
    const before = await events();
    const cases: [string, object, string][] = [
      ['/auth/password/forgot', { email: 'not-an-address' }, 'email'],
      ['/auth/password/forgot', {}, 'email'],
      ['/auth/password/reset', { token: 'short', newPassword: 'Gansu-Quality#2027x' }, 'token'],
      ['/auth/password/reset', { token: 'a'.repeat(43) }, 'newPassword'],
      ['/auth/email/verify', { token: 42 }, 'token'],
      ['/mail/unsubscribe', { token: 'nope' }, 'token'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await api.request({ method: 'POST', url, payload });
      expect({ url, status: res.statusCode, fields: res.json().details.map((d: { field: string }) => d.field) }).toEqual({
        url,
        status: 400,
        fields: [field],
      });
    }
    const reg = await api.request({
      method: 'POST',
      url: '/auth/register',
      payload: {
        username: 'badmail',
        password: TEST_PASSWORD,
        email: 'x@',
        fullName: '某',
        idNumber: testIdNumber(999),
        educationLevel: 'bachelor',
        qualityWorkYears: 6,
        qualityQualification: 'intermediate',
        relatedSeniorTitle: false,
      },
    });
    expect(reg.statusCode).toBe(400);
    expect(reg.json().details.map((d: { field: string }) => d.field)).toEqual(['email']);
    expect(await events()).toBe(before);
    expect(await db.query(`SELECT 1 FROM users WHERE username = 'badmail'`)).toEqual([]);
  });
});
