import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig, requestIdOf } from '@cqo/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { JSON_BODY_LIMIT } from './http/common/file-upload';
import { createValidationPipe } from './http/common/validation';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web-static';

/**
 * The HTTP server, as main.ts and the e2e tests both build it. X-Forwarded-For is believed only
 * from the proxies TRUST_PROXY names (none by default), so a client cannot choose its address.
 */
export function createFastifyAdapter(trustProxy: AppConfig['security']['trustProxy'] = false): FastifyAdapter {
  // A hop count trusts that many proxies in front of us whatever their address (Fastify itself
  // now refuses bare counts): only for an API reachable solely through them; a CIDR list is safer.
  const trust = typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy;
  return new FastifyAdapter({ trustProxy: trust, bodyLimit: JSON_BODY_LIMIT, genReqId: requestIdOf });
}

export { registerSecurityHeaders } from './http/common/security-headers';

/** Everything main.ts and the e2e tests must set up the same way on a created app. */
export function configureApi(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  // Parses the refresh-token cookie (the only cookie we read).
  void app.register(fastifyCookie);
  // tus PATCH bodies stream straight to the upload server (apps/api/src/http/content), unparsed and unbuffered.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'application/offset+octet-stream',
      (_request: unknown, _payload: unknown, done: (err: Error | null, body?: unknown) => void) => done(null),
    );
  // xAPI clients (e.g. @xapi/xapi) send `Content-Type: application/json` on bodiless DELETEs, which
  // Fastify would refuse as an empty JSON body: such a request has no body to parse.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request) => {
      const length = request.headers['content-length'];
      if (
        request.method === 'DELETE' &&
        request.url.startsWith('/xapi/') &&
        (length === undefined || length === '0') &&
        !request.headers['transfer-encoding']
      ) {
        delete request.headers['content-type'];
      }
    });
  // xAPI is called by content players from other origins (a sandboxed cmi5 AU has an opaque one),
  // with credentials in the Authorization header only, never cookies: any origin may call it.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/xapi/')) return;
      void reply
        .header('access-control-allow-origin', '*')
        .header('access-control-expose-headers', 'ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through');
      if (request.method === 'OPTIONS') {
        await reply
          .code(204)
          .header('access-control-allow-methods', 'GET, PUT, POST, DELETE')
          .header('access-control-allow-headers', 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match')
          .header('access-control-max-age', '600')
          .send();
      }
    });
  // A SCORM runtime commits from its sandboxed frame (opaque origin) as a simple CORS request
  // (text/plain body, the session's token in the path, no cookies): any origin may read the answer.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/scorm-commits/')) void reply.header('access-control-allow-origin', '*');
    });
  app.useGlobalPipes(createValidationPipe());
  // The OpenAPI UI and document are public; production serves them only when asked (DOCS_ENABLED=true).
  if (app.get(AppConfig).docsEnabled) serveApiDocs(app);
  // The web front end (dist/web, when built) at /app, beside the API.
  serveWebApp(app);
}

function serveApiDocs(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
