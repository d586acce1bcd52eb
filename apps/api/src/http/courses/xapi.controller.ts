import { Body, Controller, Delete, Get, Header, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cqo/core';
import { CreatedXapiKey, XapiKeysService, XapiKeyView, XapiService } from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateXapiKeyDto } from './enrollments.dto';

@ApiTags('xapi 外部学习记录')
@Controller()
export class XapiController {
  constructor(
    private readonly xapi: XapiService,
    private readonly keys: XapiKeysService,
  ) {}

  /**
   * xAPI 1.0.3 statements (one or an array) from a training organization's content platform.
   * Public to the access guard: the service authenticates the organization by its API key.
   */
  @Post('xapi/statements')
  @HttpCode(200)
  @Public()
  @Header('X-Experience-API-Version', '1.0.3')
  @ApiHeader({ name: 'X-API-Key', required: true })
  @ApiBody({ description: 'An xAPI statement or an array of them', schema: { type: 'object' } })
  statements(@Headers('x-api-key') apiKey: string | undefined, @Body() body: unknown): Promise<string[]> {
    return this.xapi.receive(apiKey, body);
  }

  /**
   * The same statements handed in by the organization's admin, who thereby confirms statements
   * dated further back than XAPI_MAX_STATEMENT_AGE_DAYS (recorded as confirmed by them).
   */
  @Post('xapi/statements/confirmed')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiBody({ description: 'An xAPI statement or an array of them', schema: { type: 'object' } })
  confirmedStatements(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<string[]> {
    return this.xapi.receiveConfirmed(actor, body);
  }

  /** Makes a key; the key itself is in this answer only. */
  @Post('xapi-keys')
  @Access(Role.OrgAdmin)
  createKey(@CurrentActor() actor: Actor, @Body() dto: CreateXapiKeyDto): Promise<CreatedXapiKey> {
    return this.keys.create(actor, dto.name);
  }

  @Get('xapi-keys')
  @Access(Role.OrgAdmin)
  listKeys(@CurrentActor() actor: Actor): Promise<XapiKeyView[]> {
    return this.keys.list(actor);
  }

  @Delete('xapi-keys/:keyId')
  @Access(Role.OrgAdmin)
  revokeKey(@CurrentActor() actor: Actor, @Param('keyId', ParseIdPipe) keyId: string): Promise<XapiKeyView> {
    return this.keys.revoke(actor, keyId);
  }
}
