import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import {
  AttemptsService,
  CapabilityResultsService,
  CapabilityResultView,
  TraineeAttemptSummary,
  TraineeAttemptView,
  TraineePaperView,
} from '@cqo/exams';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageQueryDto } from '../common/paging.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ListAttemptsQueryDto, SaveAnswersDto } from './attempts.dto';
import { CapabilityResultPageDto, SavedAnswersDto, TraineeAttemptDto, TraineeAttemptPageDto, TraineePaperDto } from './exam-responses.dto';

/**
 * The trainee's exams. No response here carries an answer key, a per-question grade or anything
 * about questions the attempt did not show, except the review a paper allows after submission
 * (tests/e2e/exams/exam-key-leak.e2e-spec.ts walks every route).
 */
@ApiTags('exams 我的考试')
@Controller('me')
@Access(Role.Trainee)
export class MyExamsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly capability: CapabilityResultsService,
  ) {}

  /** Published capability tests open to the trainee (course exams are reached through the course). */
  @Get('exam-papers')
  @ApiOkResponse({ type: [TraineePaperDto] })
  available(@CurrentActor() actor: Actor): Promise<TraineePaperView[]> {
    return this.attempts.availableCapabilityTests(actor);
  }

  @Get('exam-papers/:paperId')
  @ApiOkResponse({ type: TraineePaperDto })
  @ApiErrors(400, 404)
  paper(@CurrentActor() actor: Actor, @Param('paperId', ParseIdPipe) paperId: string): Promise<TraineePaperView> {
    return this.attempts.paperForTrainee(actor, paperId);
  }

  /** Starts an attempt (the server draws the questions and fixes the deadline), or returns the open one. */
  @Post('exam-papers/:paperId/attempts')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeAttemptDto })
  @ApiErrors(400, 404, 409)
  start(@CurrentActor() actor: Actor, @Param('paperId', ParseIdPipe) paperId: string): Promise<TraineeAttemptView> {
    return this.attempts.start(actor, paperId);
  }

  @Get('exam-attempts')
  @ApiOkResponse({ type: TraineeAttemptPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListAttemptsQueryDto): Promise<Page<TraineeAttemptSummary>> {
    const { page, pageSize, paperId } = query;
    return this.attempts.listOwn(actor, { page, pageSize }, paperId);
  }

  @Get('exam-attempts/:attemptId')
  @ApiOkResponse({ type: TraineeAttemptDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('attemptId', ParseIdPipe) attemptId: string): Promise<TraineeAttemptView> {
    return this.attempts.getOwn(actor, attemptId);
  }

  /** Saves answers as the trainee goes; refused after submission or past the deadline and its grace. */
  @Put('exam-attempts/:attemptId/answers')
  @ApiOkResponse({ type: SavedAnswersDto })
  @ApiErrors(400, 404, 409)
  save(
    @CurrentActor() actor: Actor,
    @Param('attemptId', ParseIdPipe) attemptId: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<{ saved: number; savedAt: Date }> {
    return this.attempts.saveAnswers(actor, attemptId, dto.answers);
  }

  /** Grades on the server, once: repeated or parallel submits all answer with the one result. */
  @Post('exam-attempts/:attemptId/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeAttemptDto })
  @ApiErrors(400, 404)
  submit(@CurrentActor() actor: Actor, @Param('attemptId', ParseIdPipe) attemptId: string): Promise<TraineeAttemptView> {
    return this.attempts.submit(actor, attemptId);
  }

  /** The capability test conclusions on the trainee's record. */
  @Get('capability-results')
  @ApiOkResponse({ type: CapabilityResultPageDto })
  @ApiErrors(400)
  capabilityResults(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<CapabilityResultView>> {
    return this.capability.listOwn(actor, query);
  }
}
