import { createHash } from 'node:crypto';
import type { TestApi } from '../../support/api';
import { createTestApi } from '../../support/api';

/** Issue 13, problem 8: every answer carries the security headers; HSTS once the site is https. */
describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  it.each([['/auth/me'], ['/certificates/verify/abc'], ['/verify'], ['/docs-json'], ['/no-such-route']])('on %s', async (url) => {
    const res = await api.request({ method: 'GET', url });
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // The test API's public address is http: no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows the verification page its one style block by hash; the page has no script and no style attribute', async () => {
    const res = await api.request({ method: 'GET', url: '/verify?serial=GS-X-1&idLast4=1234' });
    expect(res.statusCode).toBe(200);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)![1];
    const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
    expect(directives(String(res.headers['content-security-policy'])).get('style-src')).toEqual(["'self'", hash]);
    expect(res.body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(res.body).toContain('class="badge badge-unknown"');
  });

  it('gives the Swagger UI (/docs) inline styles and nothing else; its scripts are files; the app routes keep the strict policy', async () => {
    const strict = String((await api.request({ method: 'GET', url: '/auth/me' })).headers['content-security-policy']);
    const page = await api.request({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const docs = directives(String(page.headers['content-security-policy']));
    const app = directives(strict);
    expect(docs.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // Every other directive is the app's, script-src 'self' among them.
    expect(new Map([...docs].filter(([name]) => name !== 'style-src'))).toEqual(new Map([...app].filter(([name]) => name !== 'style-src')));
    expect(docs.get('script-src')).toEqual(["'self'"]);
    // Which is enough: the page has no inline script, only script files.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
    const init = await api.request({ method: 'GET', url: '/docs/swagger-ui-init.js' });
    expect(init.statusCode).toBe(200);
    // The relaxed policy is /docs's alone.
    for (const url of ['/docs-json', '/auth/me', '/verify', '/app/', '/docsx']) {
      expect(String((await api.request({ method: 'GET', url })).headers['content-security-policy'])).toBe(strict);
    }
  });

  it('sends HSTS when the public address is https', async () => {
    const https = await createTestApi({ env: { PUBLIC_BASE_URL: 'https://cqo.example.cn' } });
    try {
      const res = await https.request({ method: 'GET', url: '/auth/me' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
