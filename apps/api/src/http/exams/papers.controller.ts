import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Page, Role } from '@cqo/core';
import { ExamResultsService, ItemStatisticsView, PaperResultRow, PaperResultsSummary, PapersService, PaperView } from '@cqo/exams';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { attachment } from '../common/content-disposition';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ItemStatisticsDto, PaperPageDto, PaperResultsPageDto, PaperViewDto } from './exam-responses.dto';
import { ListPapersQueryDto, PaperDto, PaperResultsQueryDto } from './papers.dto';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/** Exam papers and their results, for the owner (org admins; regulators for their region's capability tests). */
@ApiTags('exams 试卷')
@Controller('exam-papers')
@Access(Role.OrgAdmin, Role.Regulator)
export class PapersController {
  constructor(
    private readonly papers: PapersService,
    private readonly results: ExamResultsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PaperViewDto })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: PaperDto): Promise<PaperView> {
    return this.papers.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: PaperPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListPapersQueryDto): Promise<Page<PaperView>> {
    const { page, pageSize, ...filter } = query;
    return this.papers.list(actor, filter, { page, pageSize });
  }

  @Get(':id')
  @ApiOkResponse({ type: PaperViewDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PaperView> {
    return this.papers.get(actor, id);
  }

  /** Replaces a draft (published papers are not edited: archive and create another). */
  @Put(':id')
  @ApiOkResponse({ type: PaperViewDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: PaperDto): Promise<PaperView> {
    return this.papers.update(actor, id, dto);
  }

  /** Opens the paper to trainees, once the bank can meet every draw rule. */
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: PaperViewDto })
  @ApiErrors(400, 404, 409)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PaperView> {
    return this.papers.publish(actor, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: PaperViewDto })
  @ApiErrors(400, 404)
  archive(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<PaperView> {
    return this.papers.archive(actor, id);
  }

  @Get(':id/results')
  @ApiOkResponse({ type: PaperResultsPageDto })
  @ApiErrors(400, 404)
  listResults(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PaperResultsQueryDto,
  ): Promise<Page<PaperResultRow> & { summary: PaperResultsSummary }> {
    const { page, pageSize, ...filter } = query;
    return this.results.results(actor, id, filter, { page, pageSize });
  }

  /** Every attempt as CSV (UTF-8 with BOM, for Excel). */
  @Get(':id/results.csv')
  @AuditedRead('export', 'exam_results.csv')
  @ApiFileResponse('text/csv')
  @ApiErrors(400, 404)
  async exportResults(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.results.exportCsv(actor, id);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(file.fileName));
    return file.content;
  }

  /** Difficulty (share correct) and discrimination (upper–lower 27 % index and point-biserial) per question version. */
  @Get(':id/item-statistics')
  @ApiOkResponse({ type: ItemStatisticsDto })
  @ApiErrors(400, 404)
  itemStatistics(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<ItemStatisticsView> {
    return this.results.itemStatistics(actor, id);
  }
}
