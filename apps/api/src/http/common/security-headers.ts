import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@cqo/core';
import { VERIFY_PAGE_STYLE_HASH } from '../certificates/verify-page';

/** HSTS lifetime once the site is served over https: one year (the usual preload minimum). */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Security headers on every answer (等保 / ASVS L2), through @fastify/helmet: a Content-Security-
 * Policy allowing only our own origin (no inline script anywhere: the web app is built files, the
 * verification page has none; its one style block is allowed by hash), no framing
 * (`frame-ancestors 'none'` and X-Frame-Options), `nosniff`, no referrer (QR links carry a
 * token), and HSTS when the public address is https. Call before the app is initialised.
 */
type Directives = Record<string, string[]>;

/** The policy of every route: our own origin only, no inline script or style (but the verify page's hashed block). */
function appDirectives(https: boolean): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", VERIFY_PAGE_STYLE_HASH],
    // data: for small inline images (SVG icons); blob: for PDFs the app downloads and shows.
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameSrc: ["'self'", 'blob:'],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    ...(https ? { upgradeInsecureRequests: [] } : {}),
  };
}

/**
 * The Swagger UI pages (/docs, served only when DOCS_ENABLED) carry inline style blocks and set
 * style attributes as they render; their scripts are files. So /docs alone may use inline styles;
 * scripts stay 'self' there too. The JSON document (/docs-json) keeps the strict policy.
 */
export function isApiDocsPage(url: string): boolean {
  const path = url.split('?')[0];
  return (path === '/docs' || path.startsWith('/docs/')) && path !== '/docs-json';
}

/**
 * Security headers on every answer (等保 / ASVS L2), through @fastify/helmet: a Content-Security-
 * Policy allowing only our own origin (no inline script anywhere: the web app is built files, the
 * verification page has none; its one style block is allowed by hash), no framing
 * (`frame-ancestors 'none'` and X-Frame-Options), `nosniff`, no referrer (QR links carry a
 * token), and HSTS when the public address is https. Call before the app is initialised.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: Pick<AppConfig, 'publicBaseUrl'>): Promise<void> {
  const https = config.publicBaseUrl.startsWith('https://');
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(https) },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    hsts: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : (false as const),
    // Cross-origin isolation would block the PDFs and fonts the app opens; not needed here.
    crossOriginEmbedderPolicy: false,
  };
  await app.register(helmet, options);
  // A route's own helmet options replace the global ones (@fastify/helmet reads them per request).
  const docsOptions = {
    ...options,
    contentSecurityPolicy: { useDefaults: false, directives: { ...appDirectives(https), styleSrc: ["'self'", "'unsafe-inline'"] } },
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (!isApiDocsPage(route.url)) return;
      route.config = Object.assign(route.config ?? {}, { helmet: docsOptions });
    });
}
