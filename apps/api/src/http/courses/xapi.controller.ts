import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Role } from '@cqo/core';
import {
  CourseErrors,
  CreatedXapiKey,
  XapiDocumentKind,
  XapiDocumentQuery,
  XapiDocumentsService,
  XapiKeysService,
  XapiKeyView,
  XapiRequest,
  XapiService,
} from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateXapiKeyDto, CreatedXapiKeyDto, XapiKeyDto } from './enrollments.dto';
import {
  ApiStatementIdsResponse,
  ApiStatementResponse,
  ApiXapiDocumentQuery,
  ApiXapiDocumentResponse,
  ApiXapiDocumentWritten,
  XapiAboutDto,
} from './xapi-responses.dto';

const XAPI_VERSION = '1.0.3';

type XapiHeaders = Record<string, string | undefined>;
const requestOf = (headers: XapiHeaders): XapiRequest => ({
  authorization: headers.authorization,
  apiKey: headers['x-api-key'],
  version: headers['x-experience-api-version'],
});

interface DocumentParams {
  activityId?: string;
  agent?: string;
  registration?: string;
  stateId?: string;
  profileId?: string;
  since?: string;
}
/** A repeated query parameter arrives as an array: refused, naming it. */
const single = (q: DocumentParams, name: keyof DocumentParams): string | undefined => {
  const value: unknown = q[name];
  if (value !== undefined && typeof value !== 'string') throw CourseErrors.xapiParameterInvalid(name, '只能给出一次');
  return value;
};
const documentQuery = (q: DocumentParams): XapiDocumentQuery => ({
  activityId: single(q, 'activityId'),
  agent: single(q, 'agent'),
  registration: single(q, 'registration'),
  documentId: single(q, 'stateId') ?? single(q, 'profileId'),
  since: single(q, 'since'),
});

/**
 * xAPI 1.0.3 for content players and content platforms (the subset a content player needs):
 * Statements (POST, PUT, GET by id or voided id), About, and the State, Activity Profile and
 * Agent Profile documents. Public to the access guard: the services authenticate the
 * organization by its key pair (HTTP Basic: key id and key as username and password) or by the
 * older X-API-Key header.
 */
@ApiTags('xapi 外部学习记录')
@Controller()
export class XapiController {
  constructor(
    private readonly xapi: XapiService,
    private readonly keys: XapiKeysService,
    private readonly documents: XapiDocumentsService,
  ) {}

  /** xAPI 1.0.3 statements (one or an array); answers their ids. */
  @Post('xapi/statements')
  @HttpCode(200)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiHeader({ name: 'Authorization', required: false, description: 'Basic：密钥 ID 与密钥' })
  @ApiHeader({ name: 'X-API-Key', required: false })
  @ApiHeader({ name: 'X-Experience-API-Version', required: false, description: '1.0.x；使用 Basic 认证时必填' })
  @ApiBody({ description: 'An xAPI statement or an array of them', schema: { type: 'object' } })
  @ApiStatementIdsResponse()
  @ApiErrors(400, 401, 409)
  statements(@Headers() headers: XapiHeaders, @Body() body: unknown): Promise<string[]> {
    return this.xapi.receiveRequest(requestOf(headers), body);
  }

  /** One statement under the id the content chose. */
  @Put('xapi/statements')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiBody({ description: 'An xAPI statement', schema: { type: 'object' } })
  @ApiNoContentResponse({ description: 'Stored (or already stored with the same content)' })
  @ApiErrors(400, 401, 409)
  async putStatement(
    @Headers() headers: XapiHeaders,
    @Query('statementId') statementId: string | undefined,
    @Body() body: unknown,
  ): Promise<void> {
    await this.xapi.receiveRequest(requestOf(headers), body, statementId ?? '');
  }

  @Get('xapi/statements')
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiStatementResponse()
  @ApiErrors(400, 401, 404)
  async getStatement(
    @Headers() headers: XapiHeaders,
    @Query('statementId') statementId: string | undefined,
    @Query('voidedStatementId') voidedStatementId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const statement = await this.xapi.statement(requestOf(headers), { statementId, voidedStatementId });
    void reply.header('X-Experience-API-Consistent-Through', new Date().toISOString());
    return statement;
  }

  /** Which xAPI versions this LRS speaks (no credentials needed, as the spec says). */
  @Get('xapi/about')
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiOkResponse({ type: XapiAboutDto })
  about(): { version: string[]; extensions: Record<string, never> } {
    return { version: [XAPI_VERSION], extensions: {} };
  }

  @Put('xapi/activities/state')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('state', 'put')
  @ApiXapiDocumentWritten()
  putState(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('state', headers, query, body, false);
  }

  @Post('xapi/activities/state')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('state', 'put')
  @ApiXapiDocumentWritten()
  postState(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('state', headers, query, body, true);
  }

  @Get('xapi/activities/state')
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('state', 'get')
  @ApiXapiDocumentResponse('stateId')
  getState(
    @Headers() headers: XapiHeaders,
    @Query() query: DocumentParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string[]> {
    return this.getDocument('state', headers, query, query.stateId !== undefined, reply);
  }

  @Delete('xapi/activities/state')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('state', 'delete')
  @ApiXapiDocumentWritten()
  deleteState(@Headers() headers: XapiHeaders, @Query() query: DocumentParams): Promise<void> {
    return this.deleteDocument('state', headers, query);
  }

  @Put('xapi/activities/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('activity_profile', 'put')
  @ApiXapiDocumentWritten()
  putActivityProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('activity_profile', headers, query, body, false);
  }

  @Post('xapi/activities/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('activity_profile', 'put')
  @ApiXapiDocumentWritten()
  postActivityProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('activity_profile', headers, query, body, true);
  }

  @Get('xapi/activities/profile')
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('activity_profile', 'get')
  @ApiXapiDocumentResponse('profileId')
  getActivityProfile(
    @Headers() headers: XapiHeaders,
    @Query() query: DocumentParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string[]> {
    return this.getDocument('activity_profile', headers, query, query.profileId !== undefined, reply);
  }

  @Delete('xapi/activities/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('activity_profile', 'delete')
  @ApiXapiDocumentWritten()
  deleteActivityProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams): Promise<void> {
    return this.deleteDocument('activity_profile', headers, query);
  }

  @Put('xapi/agents/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('agent_profile', 'put')
  @ApiXapiDocumentWritten()
  putAgentProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('agent_profile', headers, query, body, false);
  }

  @Post('xapi/agents/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('agent_profile', 'put')
  @ApiXapiDocumentWritten()
  postAgentProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams, @Body() body: unknown): Promise<void> {
    return this.putDocument('agent_profile', headers, query, body, true);
  }

  @Get('xapi/agents/profile')
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('agent_profile', 'get')
  @ApiXapiDocumentResponse('profileId')
  getAgentProfile(
    @Headers() headers: XapiHeaders,
    @Query() query: DocumentParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string[]> {
    return this.getDocument('agent_profile', headers, query, query.profileId !== undefined, reply);
  }

  @Delete('xapi/agents/profile')
  @HttpCode(204)
  @Public()
  @Header('X-Experience-API-Version', XAPI_VERSION)
  @ApiXapiDocumentQuery('agent_profile', 'delete')
  @ApiXapiDocumentWritten()
  deleteAgentProfile(@Headers() headers: XapiHeaders, @Query() query: DocumentParams): Promise<void> {
    return this.deleteDocument('agent_profile', headers, query);
  }

  /**
   * The same statements handed in by the organization's admin, who thereby confirms statements
   * dated further back than XAPI_MAX_STATEMENT_AGE_DAYS (recorded as confirmed by them).
   */
  @Post('xapi/statements/confirmed')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiBody({ description: 'An xAPI statement or an array of them', schema: { type: 'object' } })
  @ApiStatementIdsResponse()
  @ApiErrors(400, 409)
  confirmedStatements(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<string[]> {
    return this.xapi.receiveConfirmed(actor, body);
  }

  /** Makes a key pair: `id` is the Basic-auth username, `key` the password; the key is in this answer only. */
  @Post('xapi-keys')
  @Access(Role.OrgAdmin)
  @ApiCreatedResponse({ type: CreatedXapiKeyDto })
  @ApiErrors(400)
  createKey(@CurrentActor() actor: Actor, @Body() dto: CreateXapiKeyDto): Promise<CreatedXapiKey> {
    return this.keys.create(actor, dto.name);
  }

  @Get('xapi-keys')
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: [XapiKeyDto] })
  listKeys(@CurrentActor() actor: Actor): Promise<XapiKeyView[]> {
    return this.keys.list(actor);
  }

  @Delete('xapi-keys/:keyId')
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: XapiKeyDto })
  @ApiErrors(400, 404)
  revokeKey(@CurrentActor() actor: Actor, @Param('keyId', ParseIdPipe) keyId: string): Promise<XapiKeyView> {
    return this.keys.revoke(actor, keyId);
  }

  private async putDocument(
    kind: XapiDocumentKind,
    headers: XapiHeaders,
    query: DocumentParams,
    body: unknown,
    merge: boolean,
  ): Promise<void> {
    const caller = await this.xapi.authenticateResource(requestOf(headers), { kind, raw: single(query, 'agent') });
    const contentType = headers['content-type'];
    if (merge) await this.documents.merge(caller.organizationId, kind, documentQuery(query), contentType, body);
    else await this.documents.put(caller.organizationId, kind, documentQuery(query), contentType, body);
  }

  private async getDocument(
    kind: XapiDocumentKind,
    headers: XapiHeaders,
    query: DocumentParams,
    one: boolean,
    reply: FastifyReply,
  ): Promise<Buffer | string[]> {
    const caller = await this.xapi.authenticateResource(requestOf(headers), { kind, raw: single(query, 'agent') });
    if (!one) return this.documents.ids(caller.organizationId, kind, documentQuery(query));
    const document = await this.documents.get(caller.organizationId, kind, documentQuery(query));
    void reply
      .header('Content-Type', document.contentType)
      .header('ETag', `"${document.etag}"`)
      .header('Last-Modified', document.updatedAt.toUTCString());
    return document.content;
  }

  private async deleteDocument(kind: XapiDocumentKind, headers: XapiHeaders, query: DocumentParams): Promise<void> {
    const caller = await this.xapi.authenticateResource(requestOf(headers), { kind, raw: single(query, 'agent') });
    await this.documents.delete(caller.organizationId, kind, documentQuery(query));
  }
}
