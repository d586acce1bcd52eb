import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { EnterpriseReportsService, EnterpriseReportView, NonFilerRow, REPORT_FILE_MAX_BYTES } from '@cqo/reporting';
import { Access, CurrentActor } from '../common/access.decorator';
import { FileUpload } from '../common/file-upload';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AcknowledgeDto,
  EnterpriseReportCreateDto,
  EnterpriseReportDto,
  EnterpriseReportPageDto,
  NonFilerPageDto,
  NonFilerQueryDto,
  ReminderDto,
  RemindersSentDto,
  ReportListQueryDto,
} from './registry.dto';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/**
 * The enterprise's yearly written report to its city bureau: filed (again, until acknowledged)
 * by the enterprise admin with the document attached as base64 JSON; acknowledged by a
 * regulator whose region contains the enterprise.
 */
@ApiTags('registry 首席质量官聘任')
@Controller('registry/yearly-reports')
export class EnterpriseReportsController {
  constructor(private readonly reports: EnterpriseReportsService) {}

  @Post()
  @Access(Role.EnterpriseAdmin)
  @FileUpload('file.contentBase64', REPORT_FILE_MAX_BYTES)
  @ApiOperation({ summary: 'Files (or files again) the yearly report with its document (PDF, Word, JPEG or PNG, base64, ≤ 3 MB)' })
  @ApiCreatedResponse({ type: EnterpriseReportDto })
  @ApiErrors(400)
  file(@CurrentActor() actor: Actor, @Body() dto: EnterpriseReportCreateDto): Promise<EnterpriseReportView> {
    return this.reports.file(actor, {
      ...dto,
      file: { fileName: dto.file.fileName, contentType: dto.file.contentType, data: Buffer.from(dto.file.contentBase64, 'base64') },
    });
  }

  @Get()
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: EnterpriseReportPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ReportListQueryDto): Promise<Page<EnterpriseReportView>> {
    return this.reports.list(actor, query, query);
  }

  @Get('non-filers')
  @Access(Role.Regulator, Role.PlatformAdmin)
  @ApiOperation({ summary: 'Enterprises on the lists by the end of the year that have not filed its report, with the due date' })
  @ApiOkResponse({ type: NonFilerPageDto })
  @ApiErrors(400)
  nonFilers(@CurrentActor() actor: Actor, @Query() query: NonFilerQueryDto): Promise<Page<NonFilerRow>> {
    return this.reports.nonFilers(actor, { year: query.year, regionId: query.regionId }, query);
  }

  @Post('non-filers/reminders')
  @HttpCode(200)
  @Access(Role.Regulator)
  @ApiOperation({ summary: 'Reminds every non-filer’s enterprise admins (once per enterprise and day)' })
  @ApiOkResponse({ type: RemindersSentDto })
  @ApiErrors(400)
  remind(@CurrentActor() actor: Actor, @Body() dto: ReminderDto): Promise<{ enterprises: number; notified: number }> {
    return this.reports.remindNonFilers(actor, dto);
  }

  @Get(':id')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: EnterpriseReportDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<EnterpriseReportView> {
    return this.reports.get(actor, id);
  }

  @Get(':id/file')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiFileResponse('application/pdf', 'application/msword', 'image/jpeg', 'image/png')
  @ApiErrors(400, 404)
  async download(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const file = await this.reports.download(actor, id);
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      length: file.data.length,
    });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Access(Role.Regulator)
  @ApiOperation({ summary: 'The city (or province) signs for the report; it can no longer be replaced' })
  @ApiOkResponse({ type: EnterpriseReportDto })
  @ApiErrors(400, 404)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: AcknowledgeDto,
  ): Promise<EnterpriseReportView> {
    return this.reports.acknowledge(actor, id, dto.note ?? null);
  }
}
