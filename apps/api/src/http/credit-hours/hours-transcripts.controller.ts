import { Controller, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HoursTranscriptsService, IssuedTranscript } from '@cqo/certificates';
import { Actor, Role } from '@cqo/core';
import { Access, CurrentActor } from '../common/access.decorator';
import { AuditedRead } from '../common/audited-read';
import { attachment } from '../common/content-disposition';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

function transcriptFile(t: IssuedTranscript): StreamableFile {
  return new StreamableFile(t.pdf, { type: 'application/pdf', disposition: attachment(t.fileName), length: t.pdf.length });
}

/**
 * Hours transcripts (学时证明): a signed, serial-numbered PDF of a trainee's hours as of now, with
 * a QR code to the public verification page. Each call issues a new one (POST: it is recorded).
 */
@ApiTags('credit-hours 学时')
@Controller()
export class HoursTranscriptsController {
  constructor(private readonly transcripts: HoursTranscriptsService) {}

  @Post('me/credit-hours/transcript')
  @HttpCode(200)
  @Access(Role.Trainee)
  @ApiFileResponse('application/pdf')
  @ApiOperation({ summary: "Issues the caller's hours transcript (PDF): hours by year, category and kind with the entries behind them" })
  async own(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return transcriptFile(await this.transcripts.issue(actor, actor.userId));
  }

  @Post('trainees/:userId/credit-hours/transcript')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @AuditedRead('export', 'credit-hours.transcript')
  @ApiFileResponse('application/pdf')
  @ApiOperation({ summary: "Issues a trainee's hours transcript (PDF), for the enterprise admin or a regulator in scope" })
  @ApiErrors(400, 404)
  async ofTrainee(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string): Promise<StreamableFile> {
    return transcriptFile(await this.transcripts.issue(actor, userId));
  }
}
