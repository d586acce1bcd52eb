import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { CapabilityResultsService, CapabilityResultView } from '@cqo/exams';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageQueryDto } from '../common/paging.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CapabilityResultsQueryDto } from './attempts.dto';
import { CapabilityResultPageDto } from './exam-responses.dto';

/**
 * Capability test conclusions for staff: the organization that ran a test sees its results;
 * regulators see those of trainees (or testing bodies) in their region; the province sees all.
 */
@ApiTags('exams 能力测试结论')
@Controller()
@Access(Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
export class CapabilityResultsController {
  constructor(private readonly results: CapabilityResultsService) {}

  @Get('capability-results')
  @ApiOkResponse({ type: CapabilityResultPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: CapabilityResultsQueryDto): Promise<Page<CapabilityResultView>> {
    const { page, pageSize, ...filter } = query;
    return this.results.list(actor, filter, { page, pageSize });
  }

  /** One trainee's conclusions within the caller's scope (a regulator outside the trainee's region: 403). */
  @Get('trainees/:userId/capability-results')
  @AuditedRead('lookup', 'trainee.capability_results')
  @ApiOkResponse({ type: CapabilityResultPageDto })
  @ApiErrors(400, 404)
  forTrainee(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<CapabilityResultView>> {
    return this.results.listForTrainee(actor, userId, query);
  }
}
