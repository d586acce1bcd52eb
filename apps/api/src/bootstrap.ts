import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { requestIdOf } from '@cqo/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './http/common/validation';
import { serveWebApp } from './web-static';

/** The HTTP server, as main.ts and the e2e tests both build it. */
export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ trustProxy: true, bodyLimit: 5 * 1024 * 1024, genReqId: requestIdOf });
}

/** Everything main.ts and the e2e tests must set up the same way on a created app. */
export function configureApi(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  // tus PATCH bodies stream straight to the upload server (apps/api/src/http/content), unparsed and unbuffered.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('application/offset+octet-stream', (_request: unknown, _payload: unknown, done: (err: Error | null, body?: unknown) => void) => done(null));
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('首席质量官培训平台 API')
      .setDescription('Training and continuing education for Chief Quality Officers (CQO). Errors: {statusCode, code, message, details}.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  // The web front end (dist/web, when built) at /app, beside the API.
  serveWebApp(app);
}
