import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cqo/core';
import {
  AttentionAnswerResult,
  AttendanceReport,
  AttendanceService,
  AttendanceView,
  HeartbeatResult,
  LessonEvidenceView,
  ProgressService,
  StudyEvidenceService,
  StudySessionView,
} from '@cqo/courses';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AttendanceRecordDto,
  AttendanceReportDto,
  AttentionAnswerResultDto,
  HeartbeatResultDto,
  LessonEvidenceDto,
  StudySessionDto,
} from './enrollment-responses.dto';
import { AttendanceDto, AttentionAnswerDto, CsvUploadDto, HeartbeatDto, StartStudyDto } from './enrollments.dto';

@ApiTags('progress 学习进度')
@Controller()
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly attendance: AttendanceService,
    private readonly evidence: StudyEvidenceService,
  ) {}

  /**
   * Opens a study session on an online lesson (ending the trainee's session in any other tab or
   * device); the client then calls the heartbeat every 30 s with the playback position.
   */
  @Post('me/study-sessions')
  @Access(Role.Trainee)
  @ApiCreatedResponse({ type: StudySessionDto })
  @ApiHeader({ name: 'user-agent', required: false, description: "Kept as the session's device (the browser sends it)" })
  @ApiErrors(400, 409)
  start(@CurrentActor() actor: Actor, @Body() dto: StartStudyDto, @Headers('user-agent') userAgent?: string): Promise<StudySessionView> {
    return this.progress.startSession(actor, dto.enrollmentId, dto.lessonId, userAgent);
  }

  /**
   * Credits server time since the previous heartbeat (capped at 60 s): for a hosted video only
   * while playback advances the furthest watched point at ≤ 1×; nothing while idle in the
   * background or while an attention check is open. A session superseded elsewhere answers 409.
   */
  @Post('me/study-sessions/:sessionId/heartbeat')
  @HttpCode(200)
  @Access(Role.Trainee)
  @ApiOkResponse({ type: HeartbeatResultDto })
  @ApiErrors(400, 404, 409)
  heartbeat(
    @CurrentActor() actor: Actor,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Body() dto: HeartbeatDto = {},
  ): Promise<HeartbeatResult> {
    return this.progress.heartbeat(actor, sessionId, dto ?? {});
  }

  @Post('me/study-sessions/:sessionId/end')
  @HttpCode(200)
  @Access(Role.Trainee)
  @ApiOkResponse({ type: HeartbeatResultDto })
  @ApiErrors(400, 404, 409)
  end(
    @CurrentActor() actor: Actor,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Body() dto: HeartbeatDto = {},
  ): Promise<HeartbeatResult> {
    return this.progress.endSession(actor, sessionId, dto ?? {});
  }

  /** Answers the open attention check (弹题); crediting resumes, the answer is kept as evidence. */
  @Post('me/study-sessions/:sessionId/attention-checks/:checkId/answer')
  @HttpCode(200)
  @Access(Role.Trainee)
  @ApiOkResponse({ type: AttentionAnswerResultDto })
  @ApiErrors(400, 404, 409)
  answer(
    @CurrentActor() actor: Actor,
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('checkId', ParseIdPipe) checkId: string,
    @Body() dto: AttentionAnswerDto,
  ): Promise<AttentionAnswerResult> {
    return this.progress.answerCheck(actor, sessionId, checkId, dto.answer ?? null);
  }

  /** How a lesson's time was earned: watched intervals, attention checks, sessions and devices. */
  @Get('enrollments/:enrollmentId/lessons/:lessonId/evidence')
  @Access(Role.Trainee, Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: LessonEvidenceDto })
  @ApiErrors(400, 404)
  lessonEvidence(
    @CurrentActor() actor: Actor,
    @Param('enrollmentId', ParseIdPipe) enrollmentId: string,
    @Param('lessonId', ParseIdPipe) lessonId: string,
  ): Promise<LessonEvidenceView> {
    return this.evidence.lessonEvidence(actor, enrollmentId, lessonId);
  }

  /** Records (or corrects) one trainee's attendance at a live session. */
  @Post('lessons/:lessonId/attendance')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: AttendanceRecordDto })
  @ApiErrors(400, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: AttendanceDto,
  ): Promise<AttendanceView> {
    return this.attendance.record(actor, lessonId, dto);
  }

  /** A sign-in sheet as CSV: id_number or username, sign_in, sign_out. */
  @Post('lessons/:lessonId/attendance/roster')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: AttendanceReportDto })
  @ApiErrors(400, 404, 409)
  importSheet(
    @CurrentActor() actor: Actor,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: CsvUploadDto,
  ): Promise<AttendanceReport> {
    return this.attendance.importSheet(actor, lessonId, dto.csv, dto.mode ?? 'valid-rows');
  }
}
