import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cqo/core';
import { AttendanceReport, AttendanceService, AttendanceView, HeartbeatResult, ProgressService, StudySessionView } from '@cqo/courses';
import { Access, CurrentActor } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AttendanceDto, CsvUploadDto, StartStudyDto } from './enrollments.dto';

@ApiTags('progress 学习进度')
@Controller()
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly attendance: AttendanceService,
  ) {}

  /** Opens a study session on an online lesson; the client then calls the heartbeat every 30 s. */
  @Post('me/study-sessions')
  @Access(Role.Trainee)
  start(@CurrentActor() actor: Actor, @Body() dto: StartStudyDto): Promise<StudySessionView> {
    return this.progress.startSession(actor, dto.enrollmentId, dto.lessonId);
  }

  /** Credits the time since the previous heartbeat, by the server's clock, capped at 60 s. */
  @Post('me/study-sessions/:sessionId/heartbeat')
  @HttpCode(200)
  @Access(Role.Trainee)
  heartbeat(@CurrentActor() actor: Actor, @Param('sessionId', ParseIdPipe) sessionId: string): Promise<HeartbeatResult> {
    return this.progress.heartbeat(actor, sessionId);
  }

  @Post('me/study-sessions/:sessionId/end')
  @HttpCode(200)
  @Access(Role.Trainee)
  end(@CurrentActor() actor: Actor, @Param('sessionId', ParseIdPipe) sessionId: string): Promise<HeartbeatResult> {
    return this.progress.endSession(actor, sessionId);
  }

  /** Records (or corrects) one trainee's attendance at a live session. */
  @Post('lessons/:lessonId/attendance')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  record(@CurrentActor() actor: Actor, @Param('lessonId', ParseIdPipe) lessonId: string, @Body() dto: AttendanceDto): Promise<AttendanceView> {
    return this.attendance.record(actor, lessonId, dto);
  }

  /** A sign-in sheet as CSV: id_number or username, sign_in, sign_out. */
  @Post('lessons/:lessonId/attendance/roster')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  importSheet(@CurrentActor() actor: Actor, @Param('lessonId', ParseIdPipe) lessonId: string, @Body() dto: CsvUploadDto): Promise<AttendanceReport> {
    return this.attendance.importSheet(actor, lessonId, dto.csv, dto.mode ?? 'valid-rows');
  }
}
