import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-responses';

/**
 * What the xAPI routes answer, as the OpenAPI document tells it. Statements and documents are the
 * content's own JSON (or, for documents, any bytes): declared as free-form, which is what they are.
 */

/** GET /xapi/about. */
export class XapiAboutDto {
  @ApiProperty({ type: [String], example: ['1.0.3'], description: 'The xAPI versions this LRS speaks' })
  version!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'None offered' })
  extensions!: Record<string, never>;
}

/** An xAPI statement as stored (the content's JSON, with the id, stored time and authority the LRS set). */
export class XapiStatementDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Agent or group' })
  actor!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true })
  verb!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Activity, agent, statement reference or sub-statement' })
  object!: Record<string, unknown>;
  [property: string]: unknown;
}

/** The ids of the statements received, in the order sent (xAPI 1.0.3, 7.2.2). */
export const ApiStatementIdsResponse = () =>
  ApiOkResponse({
    description: 'The ids of the statements, in the order sent',
    schema: { type: 'array', items: { type: 'string', format: 'uuid' } },
  });

/** GET /xapi/statements: the statement named by statementId or voidedStatementId (list queries are not offered). */
export const ApiStatementResponse = () =>
  applyDecorators(
    ApiExtraModels(XapiStatementDto),
    ApiOkResponse({
      description: 'The statement (free-form JSON beyond id, actor, verb and object)',
      headers: { 'X-Experience-API-Consistent-Through': { description: 'ISO 8601 time', schema: { type: 'string' } } },
      content: {
        'application/json': { schema: { allOf: [{ $ref: getSchemaPath(XapiStatementDto) }], additionalProperties: true } },
      },
    }),
  );

/** The query of a State, Activity Profile or Agent Profile request (xAPI 1.0.3, 7.3–7.6). */
export const ApiXapiDocumentQuery = (kind: 'state' | 'activity_profile' | 'agent_profile', method: 'get' | 'put' | 'delete') => {
  const idName = kind === 'state' ? 'stateId' : 'profileId';
  const list = method === 'get' || (method === 'delete' && kind === 'state');
  return applyDecorators(
    ...(kind !== 'agent_profile'
      ? [ApiQuery({ type: String, name: 'activityId', required: true, description: 'The activity (IRI)' })]
      : []),
    ...(kind !== 'activity_profile'
      ? [
          ApiQuery({
            type: String,
            name: 'agent',
            required: true,
            description: 'The agent, as JSON (one of mbox, mbox_sha1sum, openid, account)',
          }),
        ]
      : []),
    ...(kind === 'state' ? [ApiQuery({ name: 'registration', required: false, schema: { type: 'string', format: 'uuid' } })] : []),
    ApiQuery({
      type: String,
      name: idName,
      required: !list,
      description: list ? `Absent: ${method === 'get' ? 'the ids of the documents' : 'every document of the scope'}` : undefined,
    }),
    ...(method === 'get'
      ? [ApiQuery({ type: String, name: 'since', required: false, description: 'ISO 8601: only ids of documents changed after it' })]
      : []),
  );
};

/** A document stored, merged or deleted: 204. */
export const ApiXapiDocumentWritten = () => applyDecorators(ApiNoContentResponse({ description: 'Done' }), ApiErrors(400, 401));

/**
 * GET of a document: with its id, the document as stored (JSON, or the bytes under the content type
 * it was stored with, with ETag and Last-Modified); without, the ids of the scope's documents.
 */
export const ApiXapiDocumentResponse = (idName: 'stateId' | 'profileId') =>
  applyDecorators(
    ApiOkResponse({
      description: `With ${idName}: the document as stored. Without: the ids of the documents (JSON array)`,
      content: {
        'application/json': {
          schema: {
            oneOf: [
              { type: 'array', items: { type: 'string' }, description: `Without ${idName}: the documents' ids` },
              { type: 'object', additionalProperties: true, description: `With ${idName}: a JSON document` },
            ],
          },
        },
        '*/*': {
          schema: { type: 'string', format: 'binary', description: `With ${idName}: a document stored under another content type` },
        },
      },
    }),
    ApiErrors(400, 401, 404),
  );
