import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the web front end: dist/web, from the compiled (dist/apps/api/src) or the source (apps/api/src) tree. */
export function findWebDir(): string | null {
  const candidates = [join(__dirname, '../../../web'), join(__dirname, '../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/** The single-page app lives under /app; its client-side routes never collide with the API's. */
export const WEB_APP_PREFIX = '/app';

/**
 * Serves the built web front end: its files at their own paths (/assets/…, hashed, cached for a
 * year and immutable; brotli or gzip copies made at build time when the client accepts them), `/` redirects to /app/, and every /app/… path answers with index.html so the app's own
 * router takes over after a reload. The API's routes, /docs and the server-rendered /verify pages
 * are untouched: these are plain Fastify routes outside Nest, so they carry no access rule of
 * their own (the files are public, like the log-in page they contain). Without a build
 * (dist/web/index.html missing) nothing is registered.
 */
export function serveWebApp(app: NestFastifyApplication, dir: string | null = findWebDir()): void {
  if (!dir) return;
  const instance = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  void instance.register(async (web) => {
    // Loaded only when there is a build to serve (it costs start-up time otherwise).
    const { default: fastifyStatic } = await import('@fastify/static');
    await web.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      // dist/web holds a .br and a .gz beside each text file (apps/web/build/precompress.ts):
      // sent to clients that accept them, with `vary: accept-encoding`.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    web.get('/', (_request, reply) => reply.redirect(`${WEB_APP_PREFIX}/`, 302));
    const shell = (_request: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
    // The public verification page is the server-rendered /verify (the QR codes' target); the app's old address leads there.
    web.get(`${WEB_APP_PREFIX}/check`, (_request, reply) => reply.redirect('/verify', 301));
    web.get(WEB_APP_PREFIX, shell);
    web.get(`${WEB_APP_PREFIX}/*`, shell);
  });
}
