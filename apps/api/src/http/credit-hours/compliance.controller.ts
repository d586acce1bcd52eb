import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import {
  ComplianceFlagView,
  ComplianceQueries,
  ComplianceStatusView,
  RuleSetsService,
  RuleSetView,
  TraineeComplianceRow,
} from '@cqo/credit-hours';
import { AuditedRead } from '../common/audited-read';
import { Access, AnySignedIn, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  ComplianceListQueryDto,
  ComplianceOverviewDto,
  EnterpriseComplianceQueryDto,
  RuleSetDto,
  RuleSetListQueryDto,
  RuleSetViewDto,
  TraineeCompliancePageDto,
  YearQueryDto,
} from './credit-hours.dto';

type Overview = { statuses: ComplianceStatusView[]; flags: ComplianceFlagView[] };

/**
 * Compliance with the hour requirements: statuses (on track, at risk, complete, shortfall) and
 * flags, per trainee, per enterprise, per region; and the requirement rule sets.
 */
@ApiTags('compliance 学时达标')
@Controller()
export class ComplianceController {
  constructor(
    private readonly queries: ComplianceQueries,
    private readonly ruleSets: RuleSetsService,
  ) {}

  @Get('me/compliance')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: ComplianceOverviewDto })
  @ApiErrors(400)
  own(@CurrentActor() actor: Actor, @Query() query: YearQueryDto): Promise<Overview> {
    return this.queries.overviewOf(actor, actor.userId, { year: query.year });
  }

  @Get('trainees/:userId/compliance')
  @AuditedRead('lookup', 'trainee.compliance')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: ComplianceOverviewDto })
  @ApiErrors(400, 404)
  trainee(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string, @Query() query: YearQueryDto): Promise<Overview> {
    return this.queries.overviewOf(actor, userId, { year: query.year });
  }

  /** An enterprise's CQO(s) and employees with their statuses. */
  @Get('enterprises/:id/compliance')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: TraineeCompliancePageDto })
  @ApiErrors(400, 404)
  enterprise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: EnterpriseComplianceQueryDto,
  ): Promise<Page<TraineeComplianceRow>> {
    return this.queries.forEnterprise(actor, id, { year: query.year, requirement: query.requirement, state: query.state }, query);
  }

  /** Trainees by state in the regulator's region (platform admins: all). */
  @Get('compliance/statuses')
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiOkResponse({ type: TraineeCompliancePageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ComplianceListQueryDto): Promise<Page<TraineeComplianceRow>> {
    return this.queries.list(
      actor,
      { year: query.year, requirement: query.requirement, state: query.state, regionId: query.regionId, enterpriseId: query.enterpriseId },
      query,
    );
  }

  @Get('compliance/rule-sets')
  @AnySignedIn()
  @ApiOkResponse({ type: [RuleSetViewDto] })
  @ApiErrors(400)
  ruleSetList(@Query() query: RuleSetListQueryDto): Promise<RuleSetView[]> {
    return this.ruleSets.list({ regionId: query.regionId });
  }

  @Get('compliance/rule-sets/:id')
  @AnySignedIn()
  @ApiOkResponse({ type: RuleSetViewDto })
  @ApiErrors(400, 404)
  ruleSet(@Param('id', ParseIdPipe) id: string): Promise<RuleSetView> {
    return this.ruleSets.get(id);
  }

  /** Publishes a new rule set (effective today or later); the region's previous set ends the day before. */
  @Post('compliance/rule-sets')
  @Access(Role.PlatformAdmin)
  @ApiCreatedResponse({ type: RuleSetViewDto })
  @ApiErrors(400)
  publish(@CurrentActor() actor: Actor, @Body() dto: RuleSetDto): Promise<RuleSetView> {
    return this.ruleSets.create(actor, dto);
  }
}
