import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, EVIDENCE_FILE_MAX_BYTES, Page, Role } from '@cqo/core';
import { ExternalClaimsService, ExternalClaimView } from '@cqo/external-claims';
import { PageQueryDto } from '../common/paging.dto';
import { Access, CurrentActor } from '../common/access.decorator';
import { attachment } from '../common/content-disposition';
import { FileUpload } from '../common/file-upload';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';
import {
  ClaimApproveDto,
  ClaimListQueryDto,
  ClaimRejectDto,
  ExternalClaimCreateDto,
  ExternalClaimDto,
  ExternalClaimPageDto,
} from './external-claims.dto';

/**
 * Hours earned elsewhere (外部学时认定): the trainee claims, the employer's admin endorses or
 * rejects, the city regulator approves (possibly fewer hours, with a reason) or rejects.
 * Scope is checked in the service: trainees their own, enterprise admins their confirmed
 * employees', regulators their region's.
 */
@ApiTags('external-claims 外部学时认定')
@Controller()
export class ExternalClaimsController {
  constructor(private readonly claims: ExternalClaimsService) {}

  @Post('me/external-claims')
  @Access(Role.Trainee)
  @ApiCreatedResponse({ type: ExternalClaimDto })
  @FileUpload('evidence', EVIDENCE_FILE_MAX_BYTES)
  @ApiOperation({ summary: 'Claims hours of training outside the platform, with 1–3 evidence files (PDF/JPG/PNG by bytes, ≤ 3 MB each)' })
  @ApiErrors(400)
  submit(@CurrentActor() actor: Actor, @Body() dto: ExternalClaimCreateDto): Promise<ExternalClaimView> {
    return this.claims.submit(actor, {
      ...dto,
      evidence: dto.evidence.map((e) => ({ fileName: e.fileName, data: Buffer.from(e.contentBase64, 'base64') })),
    });
  }

  @Get('me/external-claims')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: ExternalClaimPageDto })
  @ApiErrors(400)
  mine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<ExternalClaimView>> {
    return this.claims.listOwn(actor, query);
  }

  @Get('external-claims')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: ExternalClaimPageDto })
  @ApiOperation({ summary: 'Claims in scope; status=submitted is the enterprise queue, status=endorsed the city queue' })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ClaimListQueryDto): Promise<Page<ExternalClaimView>> {
    return this.claims.list(actor, { status: query.status, traineeId: query.traineeId }, query);
  }

  @Get('external-claims/:id')
  @Access(Role.Trainee, Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: ExternalClaimDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ExternalClaimView> {
    return this.claims.get(actor, id);
  }

  @Post('external-claims/:id/endorse')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin)
  @ApiOkResponse({ type: ExternalClaimDto })
  @ApiErrors(400, 404)
  endorse(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ExternalClaimView> {
    return this.claims.endorse(actor, id);
  }

  @Post('external-claims/:id/reject')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin, Role.Regulator)
  @ApiOkResponse({ type: ExternalClaimDto })
  @ApiOperation({ summary: 'The enterprise (while submitted) or the city (while endorsed) rejects, with a reason' })
  @ApiErrors(400, 404)
  reject(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: ClaimRejectDto): Promise<ExternalClaimView> {
    return this.claims.reject(actor, id, dto.reason);
  }

  @Post('external-claims/:id/approve')
  @HttpCode(200)
  @Access(Role.Regulator)
  @ApiOkResponse({ type: ExternalClaimDto })
  @ApiOperation({ summary: "The city approves an endorsed claim: a ledger entry of source external_claim in the training's year" })
  @ApiErrors(400, 404)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: ClaimApproveDto): Promise<ExternalClaimView> {
    return this.claims.approve(actor, id, dto);
  }

  @Get('external-claims/:id/evidence/:evidenceId')
  @Access(Role.Trainee, Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiFileResponse('application/pdf', 'image/jpeg', 'image/png')
  @ApiErrors(400, 404)
  async evidence(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Param('evidenceId', ParseIdPipe) evidenceId: string,
  ): Promise<StreamableFile> {
    const f = await this.claims.evidenceFile(actor, id, evidenceId);
    return new StreamableFile(f.data, { type: f.contentType, disposition: attachment(f.fileName), length: f.data.length });
  }
}
