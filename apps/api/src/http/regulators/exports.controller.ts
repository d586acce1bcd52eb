import { Controller, Get, Param, ParseEnumPipe, Query, Req, StreamableFile } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, CommonErrors, Role } from '@cqo/core';
import { AuditLogService } from '@cqo/identity';
import { REGULATOR_LISTS, RegistryExportsService, RegulatorList } from '@cqo/registry';
import { Access, CurrentActor } from '../common/access.decorator';
import { ExportQueryDto } from './regulators.dto';
import { attachment } from '../common/content-disposition';

/** CSV or XLSX of a regulator list, streamed from a database cursor (memory stays flat). */
@ApiTags('regulators 监管')
@Controller('regulators/exports')
export class ExportsController {
  constructor(
    private readonly exports: RegistryExportsService,
    private readonly audit: AuditLogService,
  ) {}

  @Get(':list')
  @Access(Role.Regulator, Role.PlatformAdmin)
  @ApiOperation({ summary: 'Exports shortfalls, appointments (appointed CQOs) or certificates of the caller’s region' })
  @ApiParam({ name: 'list', enum: REGULATOR_LISTS })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentActor() actor: Actor,
    @Param('list', new ParseEnumPipe(Object.fromEntries(REGULATOR_LISTS.map((l) => [l, l])), { exceptionFactory: () => CommonErrors.validationFailed([{ field: 'list', message: `取值须为 ${REGULATOR_LISTS.join('、')}` }]) }))
    list: RegulatorList,
    @Query() query: ExportQueryDto,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    const { format, ...filter } = query;
    const file = await this.exports.export(actor, list, format, filter);
    await this.audit.record({ action: 'registry.export', actorId: actor.userId, ip: req.ip, requestId: String(req.id), details: { list, format: format ?? null, filter } });
    return new StreamableFile(file.stream, { type: file.contentType, disposition: attachment(file.filename) });
  }
}
