import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CertificateAdministrationService,
  CertificateDownloadsService,
  CertificateExportService,
  CertificateHistoryEntry,
  CertificateRequestsService,
  CertificateView,
  ExportFilter,
  toView,
} from '@cqo/certificates';
import { Actor, Page, Role } from '@cqo/core';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { attachment } from '../common/content-disposition';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  CertificateDto,
  CertificateExportQueryDto,
  CertificateHistoryEntryDto,
  CertificateListQueryDto,
  CertificatePageDto,
  CertificateReasonDto,
  CertificateRequestAcceptedDto,
  CertificateRequestDto,
} from './certificates.dto';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

const STAFF = [Role.PlatformAdmin, Role.Regulator, Role.OrgAdmin] as const;

function pdfFile(file: { filename: string; pdf: Buffer }): StreamableFile {
  return new StreamableFile(file.pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${file.filename}"`,
    length: file.pdf.length,
  });
}

/** A trainee's own certificates: list, download (the same certificate every time), ask again. */
@ApiTags('certificates 证书')
@Controller('me/certificates')
@Access(Role.Trainee)
export class MyCertificatesController {
  constructor(
    private readonly downloads: CertificateDownloadsService,
    private readonly requests: CertificateRequestsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CertificatePageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: CertificateListQueryDto): Promise<Page<CertificateView>> {
    return this.downloads.list(actor, query, query);
  }

  @Get(':id/pdf')
  @ApiFileResponse('application/pdf')
  @ApiErrors(400, 404)
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    return pdfFile(await this.downloads.pdf(actor, id));
  }

  /** Re-evaluates the trainee's appointment and yearly certificates; those already issued come back unchanged. */
  @Post('requests')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CertificateRequestAcceptedDto })
  @ApiErrors(400)
  request(@CurrentActor() actor: Actor, @Body() dto: CertificateRequestDto): Promise<{ year: number }> {
    return this.requests.request(actor, dto.year);
  }
}

/**
 * Certificates for staff: org admins see their organization's course certificates, regulators
 * their region's, platform admins all. Revocation and reissue: platform admins and regulators
 * of the certificate's region.
 */
@ApiTags('certificates 证书')
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly downloads: CertificateDownloadsService,
    private readonly exports: CertificateExportService,
    private readonly administration: CertificateAdministrationService,
  ) {}

  @Get()
  @Access(...STAFF)
  @AuditedRead('lookup', 'certificates.list')
  @ApiOkResponse({ type: CertificatePageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: CertificateListQueryDto): Promise<Page<CertificateView>> {
    return this.downloads.list(actor, query, query);
  }

  /** A ZIP of the current certificates of a course, or of a region and year, streamed. */
  @Get('export')
  @AuditedRead('export', 'certificates.zip')
  @Access(...STAFF)
  @ApiFileResponse('application/zip')
  @ApiErrors(400)
  async export(@CurrentActor() actor: Actor, @Query() query: CertificateExportQueryDto): Promise<StreamableFile> {
    const filter = (
      query.courseId ? { courseId: query.courseId, year: query.year } : { regionId: query.regionId, year: query.year }
    ) as ExportFilter;
    const { filename, stream } = await this.exports.exportZip(actor, filter);
    return new StreamableFile(stream, { type: 'application/zip', disposition: attachment(filename) });
  }

  @Get(':id')
  @Access(...STAFF)
  @AuditedRead('lookup', 'certificates.get')
  @ApiOkResponse({ type: CertificateDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CertificateView> {
    return this.downloads.get(actor, id);
  }

  @Get(':id/history')
  @Access(...STAFF)
  @AuditedRead('lookup', 'certificates.history')
  @ApiOkResponse({ type: [CertificateHistoryEntryDto] })
  @ApiErrors(400, 404)
  history(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<CertificateHistoryEntry[]> {
    return this.downloads.history(actor, id);
  }

  @Get(':id/pdf')
  @Access(...STAFF)
  @AuditedRead('export', 'certificates.pdf')
  @ApiFileResponse('application/pdf')
  @ApiErrors(400, 404)
  async pdf(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    return pdfFile(await this.downloads.pdf(actor, id));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiOkResponse({ type: CertificateDto })
  @ApiErrors(400, 404)
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CertificateReasonDto,
  ): Promise<CertificateView> {
    return toView(await this.administration.revoke(actor, id, dto.reason));
  }

  /** Issues a corrected version (holder and course names read again); the old one becomes superseded. */
  @Post(':id/reissue')
  @HttpCode(201)
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiCreatedResponse({ type: CertificateDto })
  @ApiErrors(400, 404)
  async reissue(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CertificateReasonDto,
  ): Promise<CertificateView> {
    return toView(await this.administration.reissue(actor, id, dto.reason));
  }
}
