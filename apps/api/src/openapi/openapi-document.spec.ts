import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@cqo/core';
import { ApiModule } from '../api.module';
import { CREDENTIAL_PATH_EXTENSION, NO_BODY_EXTENSION } from '../http/common/api-responses';
import { API_CLIENT_SCHEMA_PATH, renderApiClientSchema } from './api-client';
import { createOpenApiDocument } from './openapi-document';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  route: string;
  operationId: string;
  responses: Record<string, ({ content?: Record<string, { schema?: unknown }> } & Record<string, unknown>) | undefined>;
  parameters: { in: string }[];
  hasBody: boolean;
  credentialPath: boolean;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      route: `${method.toUpperCase()} ${path}`,
      operationId: item[method]!.operationId!,
      responses: item[method]!.responses as Operation['responses'],
      parameters: (item[method]!.parameters ?? []) as Operation['parameters'],
      hasBody: item[method]!.requestBody !== undefined,
      credentialPath: (item[method] as unknown as Record<string, unknown>)[CREDENTIAL_PATH_EXTENSION] === true,
    })),
  );
}

/**
 * A success that says what it answers: a body schema for each content type, or no body by
 * declaration (204, or another status marked by ApiEmptyResponse).
 */
function declaresSuccess(op: Operation): boolean {
  const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
  return (
    successes.length > 0 &&
    successes.every(
      ([status, response]) =>
        status === '204' ||
        (response?.[NO_BODY_EXTENSION] === true && response.content === undefined) ||
        (response?.content !== undefined && Object.values(response.content).every((media) => media.schema !== undefined)),
    )
  );
}

const errorBodyRef = { $ref: '#/components/schemas/ErrorBodyDto' };

/**
 * Issue 18: the API contract is the source of truth. Every route declares what it answers (a
 * response DTO, or the content type of the file it sends) and that its errors come as the one
 * error body; and the web app's generated types are what the document says today.
 */
describe('OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await createOpenApiDocument();
  });

  it('declares the success response of every route', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(200);
    expect(operations.filter((op) => !declaresSuccess(op)).map((op) => op.route)).toEqual([]);
  });

  it('declares the status code each route answers with (201 for POST unless @HttpCode says otherwise)', () => {
    // Handlers by operation id (Controller_method, @nestjs/swagger's default).
    const handlers = new Map<string, { status: number; ownReply: boolean }>();
    for (const controller of (ApiModule.forRoot(loadConfig({ NODE_ENV: 'test' })).controllers ?? []) as Type[]) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
        // A handler that writes the reply itself (@Res() without passthrough) chooses its own status.
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { data?: { passthrough?: boolean } }
        >;
        const ownReply = Object.entries(args).some(
          ([key, arg]) => key.startsWith(`${RouteParamtypes.RESPONSE}:`) && !arg.data?.passthrough,
        );
        handlers.set(`${controller.name}_${name}`, { status, ownReply });
      }
    }
    const wrong = operationsOf(document).flatMap((op) => {
      const handler = handlers.get(op.operationId);
      if (!handler) return [`${op.route}: no handler ${op.operationId}`];
      const declared = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      return handler.ownReply || declared.includes(String(handler.status))
        ? []
        : [`${op.route}: answers ${handler.status}, declares ${declared.join(', ')}`];
    });
    expect(handlers.size).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });

  it('declares the error body on every route', () => {
    const missing = operationsOf(document)
      .filter((op) => JSON.stringify(op.responses.default?.content?.['application/json']?.schema) !== JSON.stringify(errorBodyRef))
      .map((op) => op.route);
    expect(missing).toEqual([]);
  });

  it('declares each error status with the one error body', () => {
    const wrong = operationsOf(document).flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([, response]) => JSON.stringify(response?.content?.['application/json']?.schema) !== JSON.stringify(errorBodyRef))
        .map(([status]) => `${op.route} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('declares 404 where the path names a record and 400 where input is validated', () => {
    const missing = operationsOf(document).flatMap((op) => {
      const needs: string[][] = [];
      // A path carrying a credential (ApiCredentialPath) refuses an unknown one rather than answering 404.
      if (op.parameters.some((p) => p.in === 'path')) needs.push(op.credentialPath ? ['400', '403'] : ['404']);
      if (op.hasBody || op.parameters.some((p) => p.in === 'query')) needs.push(['400']);
      return needs.filter((any) => !any.some((status) => op.responses[status])).map((any) => `${op.route} ${any.join('|')}`);
    });
    expect(missing).toEqual([]);
  });

  it('is the same document on every build (the generated client must not churn)', async () => {
    expect(JSON.stringify(await createOpenApiDocument())).toBe(JSON.stringify(document));
  });

  it(`matches the committed web client types (${API_CLIENT_SCHEMA_PATH})`, async () => {
    const fresh = renderApiClientSchema(document);
    const committed = readFileSync(resolve(__dirname, '../../../..', API_CLIENT_SCHEMA_PATH), 'utf8');
    if (committed !== fresh) {
      throw new Error(
        `${API_CLIENT_SCHEMA_PATH} is out of date with the API's OpenAPI document: run \`npm run api:client\` and commit the result.`,
      );
    }
  });
});
