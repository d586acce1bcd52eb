import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { ImportResult, QuestionsService, QuestionView } from '@cqo/exams';
import { Access, CurrentActor } from '../common/access.decorator';
import { attachment } from '../common/content-disposition';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { QuestionImportResultDto, QuestionPageDto, QuestionViewDto } from './exam-responses.dto';
import { ImportQuestionsDto, ListQuestionsQueryDto, QuestionDto } from './questions.dto';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/** The question bank of a training organization (its org admins) or a regulator's region (its regulators). */
@ApiTags('exams 题库')
@Controller('exam-questions')
@Access(Role.OrgAdmin, Role.Regulator)
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @ApiCreatedResponse({ type: QuestionViewDto })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: QuestionDto): Promise<QuestionView> {
    return this.questions.create(actor, dto);
  }

  /**
   * Imports a CSV or XLSX file. All or nothing: if any row is wrong, nothing is saved and the
   * 400 lists every offending cell as `rows[<row number in the file>].<column>`.
   */
  @Post('import')
  @HttpCode(200)
  @ApiOkResponse({ type: QuestionImportResultDto })
  @ApiErrors(400)
  import(@CurrentActor() actor: Actor, @Body() dto: ImportQuestionsDto): Promise<ImportResult> {
    return this.questions.import(actor, dto.format, Buffer.from(dto.contentBase64, 'base64'), dto.dryRun ?? false);
  }

  /** The XLSX import template: headers, notes, and drop-downs (知识点 lists the current topics by name). */
  @Get('import-template')
  @ApiFileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async importTemplate(): Promise<StreamableFile> {
    const file = await this.questions.importTemplate();
    return new StreamableFile(file, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: attachment('试题导入模板.xlsx'),
      length: file.length,
    });
  }

  @Get()
  @ApiOkResponse({ type: QuestionPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListQuestionsQueryDto): Promise<Page<QuestionView>> {
    const { page, pageSize, ...filter } = query;
    return this.questions.list(actor, filter, { page, pageSize });
  }

  @Get(':id')
  @ApiOkResponse({ type: QuestionViewDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<QuestionView> {
    return this.questions.get(actor, id);
  }

  /** Every version, newest first: what past attempts showed. */
  @Get(':id/versions')
  @ApiOkResponse({ type: [QuestionViewDto] })
  @ApiErrors(400, 404)
  versions(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<QuestionView[]> {
    return this.questions.versions(actor, id);
  }

  /** An edit adds a version; attempts that showed the old one keep it and its key. */
  @Put(':id')
  @ApiOkResponse({ type: QuestionViewDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: QuestionDto): Promise<QuestionView> {
    return this.questions.update(actor, id, dto);
  }

  /** Stops drawing the question (papers that fix it keep it). */
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: QuestionViewDto })
  @ApiErrors(400, 404, 409)
  archive(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<QuestionView> {
    return this.questions.archive(actor, id);
  }
}
