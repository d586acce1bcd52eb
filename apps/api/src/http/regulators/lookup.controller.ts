import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, Page, Role } from '@cqo/core';
import { AuditedRead } from '../common/audited-read';
import { CqoFlagsService, FlagView } from '@cqo/registry';
import { AccessLogService, AccessLogView, CqoStatusService, CqoStatusView, LookupKey } from '@cqo/reporting';
import { Access, CurrentActor } from '../common/access.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AccessLogPageDto,
  AccessLogQueryDto,
  CqoStatusDto,
  FlagClearDto,
  FlagCreateDto,
  FlagDto,
  LookupDto,
  LookupResultDto,
} from './regulators.dto';

function keyOf(dto: LookupDto): LookupKey {
  switch (dto.kind) {
    case 'id_number':
      return { kind: 'id_number', idNumber: dto.idNumber! };
    case 'certificate_serial':
      return { kind: 'certificate_serial', serial: dto.serial! };
    default:
      return { kind: 'name_enterprise', fullName: dto.fullName!, enterpriseId: dto.enterpriseId, enterpriseName: dto.enterpriseName };
  }
}

/**
 * The regulators' status lookup and status page, and their flags on CQOs. Scope: the region
 * (the province sees all). A lookup that finds nobody in scope answers 404 (someone outside the
 * region is "not found" too); the status page of a known person outside the region is 403.
 * Every lookup and status page is written to the access log.
 */
@ApiTags('regulators 监管')
@Controller('regulators')
@Access(Role.Regulator, Role.PlatformAdmin)
export class LookupController {
  constructor(
    private readonly status: CqoStatusService,
    private readonly flags: CqoFlagsService,
  ) {}

  @Post('lookups')
  @AuditedRead('lookup', 'registry.lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Looks up CQOs by full ID number (POST body only), by name and enterprise, or by certificate serial' })
  @ApiOkResponse({ type: LookupResultDto })
  @ApiNotFoundResponse({ description: 'CQO_NOT_FOUND: nobody in the caller’s region matches', type: ErrorBodyDto })
  @ApiErrors(400)
  async lookup(@CurrentActor() actor: Actor, @Body() dto: LookupDto, @Req() req: FastifyRequest): Promise<{ matches: CqoStatusView[] }> {
    // The security audit log gets the kind of key only (AuditedRead); never the number, name or serial.
    return { matches: await this.status.lookup(actor, keyOf(dto), String(req.id)) };
  }

  @Get('cqos/:traineeId')
  @AuditedRead('lookup', 'registry.status_page')
  @ApiOperation({
    summary:
      'The status page of one person: appointments, appointment training, this and last year’s hours, certificates, flags, declarations',
  })
  @ApiOkResponse({ type: CqoStatusDto })
  @ApiErrors(400, 404)
  get(
    @CurrentActor() actor: Actor,
    @Param('traineeId', ParseIdPipe) traineeId: string,
    @Req() req: FastifyRequest,
  ): Promise<CqoStatusView> {
    return this.status.status(actor, traineeId, String(req.id));
  }

  @Post('cqos/:traineeId/flags')
  @ApiOperation({ summary: 'Flags a CQO (reason and date)' })
  @ApiCreatedResponse({ type: FlagDto })
  @ApiErrors(400, 404)
  flag(@CurrentActor() actor: Actor, @Param('traineeId', ParseIdPipe) traineeId: string, @Body() dto: FlagCreateDto): Promise<FlagView> {
    return this.flags.raise(actor, traineeId, dto);
  }

  @Post('flags/:id/clear')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clears a flag, with a reason (the flag stays in the history)' })
  @ApiOkResponse({ type: FlagDto })
  @ApiErrors(400, 404)
  clear(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: FlagClearDto): Promise<FlagView> {
    return this.flags.clear(actor, id, dto.reason);
  }
}

/** The registry's access log, for platform admins: who looked up whom, when, by what kind of key. */
@ApiTags('regulators 监管')
@Controller('platform/registry-access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: AccessLogPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: AccessLogQueryDto): Promise<Page<AccessLogView>> {
    return this.accessLog.list(actor, query, query);
  }
}
