import { Controller, Get, Param, ParseEnumPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, CommonErrors, Role } from '@cqo/core';
import { REGULATOR_LISTS, RegistryExportsService, RegulatorList } from '@cqo/reporting';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { ExportQueryDto } from './regulators.dto';
import { attachment } from '../common/content-disposition';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/** CSV or XLSX of a regulator list, streamed from a database cursor (memory stays flat); each export audited. */
@ApiTags('regulators 监管')
@Controller('regulators/exports')
export class ExportsController {
  constructor(private readonly exports: RegistryExportsService) {}

  @Get(':list')
  @AuditedRead('export', 'registry.list')
  @Access(Role.Regulator, Role.PlatformAdmin)
  @ApiOperation({ summary: 'Exports shortfalls, appointments (appointed CQOs) or certificates of the caller’s region' })
  @ApiParam({ name: 'list', enum: REGULATOR_LISTS })
  @ApiFileResponse('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiErrors(400, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Param(
      'list',
      new ParseEnumPipe(Object.fromEntries(REGULATOR_LISTS.map((l) => [l, l])), {
        exceptionFactory: () => CommonErrors.validationFailed([{ field: 'list', message: `取值须为 ${REGULATOR_LISTS.join('、')}` }]),
      }),
    )
    list: RegulatorList,
    @Query() query: ExportQueryDto,
  ): Promise<StreamableFile> {
    const { format, ...filter } = query;
    const file = await this.exports.export(actor, list, format, filter);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: attachment(file.filename) });
  }
}
