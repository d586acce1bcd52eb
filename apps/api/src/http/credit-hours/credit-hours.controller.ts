import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { AdjustmentsService, AuditLogView, CreditEntryView, CreditHoursQueries, HoursSummary } from '@cqo/credit-hours';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AdjustmentDto,
  AuditLogQueryDto,
  CreditAuditPageDto,
  CreditEntryPageDto,
  EntriesQueryDto,
  HoursSummaryDto,
  LedgerEntryCreatedDto,
  ReversalDto,
} from './credit-hours.dto';

/**
 * Credit hours (学时): a trainee's own ledger, staff views within scope, and manual adjustments
 * and reversals by platform admins and regulators (their region only). Unknown trainee → 404,
 * outside the caller's scope → 403.
 */
@ApiTags('credit-hours 学时')
@Controller()
export class CreditHoursController {
  constructor(
    private readonly queries: CreditHoursQueries,
    private readonly adjustments: AdjustmentsService,
  ) {}

  @Get('me/credit-hours')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: HoursSummaryDto })
  ownSummary(@CurrentActor() actor: Actor): Promise<HoursSummary> {
    return this.queries.summary(actor, actor.userId);
  }

  @Get('me/credit-hours/entries')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: CreditEntryPageDto })
  @ApiErrors(400)
  ownEntries(@CurrentActor() actor: Actor, @Query() query: EntriesQueryDto): Promise<Page<CreditEntryView>> {
    return this.queries.entries(actor, actor.userId, { year: query.year }, query);
  }

  @Get('trainees/:userId/credit-hours')
  @AuditedRead('lookup', 'trainee.credit_hours')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: HoursSummaryDto })
  @ApiErrors(400, 404)
  summary(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string): Promise<HoursSummary> {
    return this.queries.summary(actor, userId);
  }

  @Get('trainees/:userId/credit-hours/entries')
  @AuditedRead('lookup', 'trainee.credit_entries')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: CreditEntryPageDto })
  @ApiErrors(400, 404)
  entries(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: EntriesQueryDto,
  ): Promise<Page<CreditEntryView>> {
    return this.queries.entries(actor, userId, { year: query.year }, query);
  }

  /** Adds hours by hand (a positive entry) with a required reason; audited. */
  @Post('credit-hours/adjustments')
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiCreatedResponse({ type: LedgerEntryCreatedDto })
  @ApiErrors(400)
  adjust(@CurrentActor() actor: Actor, @Body() dto: AdjustmentDto): Promise<{ entryId: string; year: number }> {
    return this.adjustments.adjust(actor, dto);
  }

  /** Cancels an entry by a reversal entry (the original stays); audited. */
  @Post('credit-hours/entries/:id/reversal')
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiCreatedResponse({ type: LedgerEntryCreatedDto })
  @ApiErrors(400, 404)
  reverse(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReversalDto,
  ): Promise<{ entryId: string; year: number }> {
    return this.adjustments.reverse(actor, id, dto.reason);
  }

  @Get('credit-hours/audit-log')
  @Access(Role.PlatformAdmin, Role.Regulator)
  @ApiOkResponse({ type: CreditAuditPageDto })
  @ApiErrors(400)
  auditLog(@CurrentActor() actor: Actor, @Query() query: AuditLogQueryDto): Promise<Page<AuditLogView>> {
    return this.adjustments.auditLog(actor, { traineeId: query.traineeId }, query);
  }
}
