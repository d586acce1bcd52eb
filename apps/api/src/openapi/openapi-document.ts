import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@cqo/core';
import { ApiModule } from '../api.module';

/** The API's OpenAPI document, as /docs-json serves it and the web client is generated from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('首席质量官培训平台 API')
      .setDescription('Training and continuing education for Chief Quality Officers (CQO). Errors: {statusCode, code, message, details}.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a running server: the module graph is scanned in preview mode, so no
 * provider is instantiated and neither PostgreSQL nor Redis is contacted. The configuration is the
 * built-in test defaults; nothing in the document depends on it.
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = await NestFactory.create(ApiModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
