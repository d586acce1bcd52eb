import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cqo/core';
import { AppointmentsService, EVIDENCE_MAX_BYTES, FACT_KINDS, TraineeFactsService, TraineeFactView } from '@cqo/registry';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { FileUpload } from '../common/file-upload';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { BackdateApprovalCreateDto, BackdateApprovalCreatedDto, EvidenceUploadDto, TraineeFactDto } from './registry.dto';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/**
 * Verified facts: the trainee uploads evidence for an eligibility fact (self_declared), the
 * enterprise admin confirms it, the city regulator verifies it. Anyone who may see the trainee
 * reads the facts with their state.
 */
@ApiTags('registry 首席质量官聘任')
@Controller()
export class TraineeFactsController {
  constructor(private readonly facts: TraineeFactsService) {}

  @Get('me/facts')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: [TraineeFactDto] })
  mine(@CurrentActor() actor: Actor): Promise<TraineeFactView[]> {
    return this.facts.ofTrainee(actor, actor.userId);
  }

  @Post('me/facts/:fact/evidence')
  @Access(Role.Trainee)
  @FileUpload('file', EVIDENCE_MAX_BYTES)
  @ApiOperation({ summary: `Uploads evidence for one fact (${FACT_KINDS.join(', ')}): PDF, JPG or PNG by its bytes, ≤ 3 MB` })
  @ApiCreatedResponse({ type: TraineeFactDto })
  @ApiErrors(400, 404)
  declare(@CurrentActor() actor: Actor, @Param('fact') fact: string, @Body() dto: EvidenceUploadDto): Promise<TraineeFactView> {
    return this.facts.declare(actor, fact, { fileName: dto.fileName, data: Buffer.from(dto.contentBase64, 'base64') });
  }

  @Get('registry/trainees/:traineeId/facts')
  @AuditedRead('lookup', 'trainee.facts')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: [TraineeFactDto] })
  @ApiErrors(400, 404)
  ofTrainee(@CurrentActor() actor: Actor, @Param('traineeId', ParseIdPipe) traineeId: string): Promise<TraineeFactView[]> {
    return this.facts.ofTrainee(actor, traineeId);
  }

  @Post('registry/fact-evidence/:id/confirm')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({ summary: 'The employer confirms the evidence (self_declared → enterprise_confirmed)' })
  @ApiOkResponse({ type: TraineeFactDto })
  @ApiErrors(400, 404)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<TraineeFactView> {
    return this.facts.confirm(actor, id);
  }

  @Post('registry/fact-evidence/:id/verify')
  @HttpCode(200)
  @Access(Role.Regulator)
  @ApiOperation({ summary: 'The city regulator verifies confirmed evidence (enterprise_confirmed → city_verified)' })
  @ApiOkResponse({ type: TraineeFactDto })
  @ApiErrors(400, 404)
  verify(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<TraineeFactView> {
    return this.facts.verify(actor, id);
  }

  @Get('registry/fact-evidence/:id/file')
  @Access(Role.Trainee, Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiFileResponse('application/pdf', 'image/jpeg', 'image/png')
  @ApiErrors(400, 404)
  async file(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const f = await this.facts.download(actor, id);
    return new StreamableFile(f.data, {
      type: f.contentType,
      disposition: `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      length: f.data.length,
    });
  }
}

/** A regulator approves an appointment date older than the registration window (audited, used once). */
@ApiTags('regulators 监管')
@Controller('regulators/appointment-backdate-approvals')
export class BackdateApprovalsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post()
  @Access(Role.Regulator)
  @ApiCreatedResponse({ type: BackdateApprovalCreatedDto })
  @ApiErrors(400)
  approve(@CurrentActor() actor: Actor, @Body() dto: BackdateApprovalCreateDto): Promise<{ id: string }> {
    return this.appointments.approveBackdate(actor, dto);
  }
}
