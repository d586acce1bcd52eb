import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@cqo/core';
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
export async function registerSecurityHeaders(app: NestFastifyApplication, config: Pick<AppConfig, 'publicBaseUrl'>): Promise<void> {
  const https = config.publicBaseUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
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
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    // Cross-origin isolation would block the PDFs and fonts the app opens; not needed here.
    crossOriginEmbedderPolicy: false,
  });
}
