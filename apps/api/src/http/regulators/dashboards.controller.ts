import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { DashboardsService, EnterpriseDrillDown, EnterpriseRow, RegionDashboard, ShortfallRow } from '@cqo/reporting';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  DashboardQueryDto,
  EnterpriseDrillDownDto,
  EnterpriseListQueryDto,
  EnterpriseRowPageDto,
  RegionDashboardDto,
  ShortfallPageDto,
  ShortfallQueryDto,
} from './regulators.dto';

/**
 * Dashboards for the web UI: a region with the regions below it (the province with its cities),
 * drill-down to its enterprises, one enterprise, one CQO (GET /regulators/cqos/:traineeId).
 * A region or enterprise outside the caller's region: 403; unknown: 404.
 */
@ApiTags('regulators 监管')
@Controller('regulators')
@Access(Role.Regulator, Role.PlatformAdmin)
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @Get('dashboard')
  @ApiOperation({
    summary:
      'Appointment rates (overall and per target group of the notice), compliance rate and counts by state for the year and the one before',
  })
  @ApiOkResponse({ type: RegionDashboardDto })
  @ApiErrors(400)
  region(@CurrentActor() actor: Actor, @Query() query: DashboardQueryDto): Promise<RegionDashboard> {
    return this.dashboards.region(actor, query);
  }

  @Get('dashboard/enterprises')
  @ApiOperation({ summary: 'Enterprises of the region with their CQO and the CQO’s standing in the year' })
  @ApiOkResponse({ type: EnterpriseRowPageDto })
  @ApiErrors(400)
  enterprises(@CurrentActor() actor: Actor, @Query() query: EnterpriseListQueryDto): Promise<Page<EnterpriseRow>> {
    return this.dashboards.enterprises(actor, query, query);
  }

  @Get('enterprises/:id')
  @ApiOperation({ summary: 'One enterprise: target groups, appointment history, the current CQO’s yearly standing' })
  @ApiOkResponse({ type: EnterpriseDrillDownDto })
  @ApiErrors(400, 404)
  enterprise(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<EnterpriseDrillDown> {
    return this.dashboards.enterprise(actor, id);
  }

  @Get('shortfalls')
  @ApiOperation({ summary: 'Serving CQOs at risk or in shortfall for the year, one row per requirement' })
  @ApiOkResponse({ type: ShortfallPageDto })
  @ApiErrors(400)
  shortfalls(@CurrentActor() actor: Actor, @Query() query: ShortfallQueryDto): Promise<Page<ShortfallRow>> {
    return this.dashboards.shortfalls(actor, query, query);
  }
}
