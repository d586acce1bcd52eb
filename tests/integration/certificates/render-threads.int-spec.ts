import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@cqo/core';
import { CertificateRenderer } from '@cqo/certificates';
import type { CertificateRenderPool } from '../../../libs/certificates/src/rendering/certificate-render-pool';
import { sampleContent } from '../../support/certificate-content';

/**
 * The worker renders certificates on worker threads, which load compiled JavaScript. Jest runs
 * the TypeScript sources, where the pool renders inline; so this test takes the pool from the
 * build (`npm test` builds first) and checks that its threads draw exactly what the renderer
 * draws on the calling thread.
 */
const BUILT_POOL = join(__dirname, '../../../dist/libs/certificates/src/rendering/certificate-render-pool.js');

describe('certificate render threads (built output)', () => {
  let pool: CertificateRenderPool;
  const inline = new CertificateRenderer();

  beforeAll(() => {
    if (!existsSync(BUILT_POOL)) throw new Error(`${BUILT_POOL} is missing: run \`npm run build\` first (npm test does)`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(BUILT_POOL) as { CertificateRenderPool: new (...args: unknown[]) => CertificateRenderPool };
    pool = new built.CertificateRenderPool(loadConfig({ ...process.env, CERTIFICATE_RENDER_THREADS: '2' }), inline);
  });

  afterAll(async () => {
    await pool?.onModuleDestroy();
  });

  it('renders on threads the same bytes as on the calling thread, as Buffers', async () => {
    expect(pool.threads).toBe(2);
    const contents = [
      sampleContent(),
      sampleContent({ serial: 'GS-JY-2026-000124-8R', holder: { name: '李𠮷', idNumberMasked: '620102********5678' } }),
    ];
    const threaded = await Promise.all(contents.map((c) => pool.render(c)));
    for (const [i, content] of contents.entries()) {
      expect(Buffer.isBuffer(threaded[i])).toBe(true);
      expect(threaded[i].equals(await inline.render(content))).toBe(true);
    }
  });

  it('passes a refusal from the thread back to the caller, naming the character', async () => {
    await expect(pool.render(sampleContent({ holder: { name: '王𪚥', idNumberMasked: '620102********0000' } }))).rejects.toThrow('𪚥');
  });
});
