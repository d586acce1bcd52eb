import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import {
  AppointmentPrecheck,
  AppointmentPrecheckAnswer,
  AppointmentsService,
  AppointmentView,
  DeclarationsService,
  DeclarationView,
  EligibilityRulesRepository,
  EligibilityRuleSetView,
} from '@cqo/registry';
import { Access, CurrentActor } from '../common/access.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AppointmentCreateDto,
  AppointmentDto,
  AppointmentEndDto,
  AppointmentListQueryDto,
  AppointmentPageDto,
  AppointmentRenewDto,
  DeclarationCreateDto,
  DeclarationDto,
  EligibilityAnswerDto,
  EligibilityCheckDto,
  EligibilityRuleSetDto,
} from './registry.dto';

/**
 * CQO appointments (聘任). Enterprise admins check eligibility, register and end their own
 * enterprise's appointments and record the candidate's declaration; regulators (their region)
 * and platform admins read. Another enterprise's appointment: 403; an unknown one: 404.
 */
@ApiTags('registry 首席质量官聘任')
@Controller('registry')
export class AppointmentsController {
  constructor(
    private readonly precheck: AppointmentPrecheck,
    private readonly appointments: AppointmentsService,
    private readonly declarations: DeclarationsService,
    private readonly rules: EligibilityRulesRepository,
  ) {}

  @Get('eligibility-rules')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOperation({ summary: 'The eligibility rule sets (thresholds of the notice’s conditions), newest first' })
  @ApiOkResponse({ type: [EligibilityRuleSetDto] })
  eligibilityRules(): Promise<EligibilityRuleSetView[]> {
    return this.rules.list();
  }

  @Post('eligibility-checks')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({
    summary:
      'Checks a candidate of the enterprise against the notice’s conditions (naming each failing one) and lists what would refuse the appointment anyway (already serving, flags, the last term’s shortfall)',
  })
  @ApiOkResponse({ type: EligibilityAnswerDto })
  @ApiErrors(400)
  check(@CurrentActor() actor: Actor, @Body() dto: EligibilityCheckDto): Promise<AppointmentPrecheckAnswer> {
    return this.precheck.check(actor, dto.trainee);
  }

  @Post('appointments')
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({
    summary: 'Registers the enterprise’s CQO; an ineligible person needs eligibilityExceptionReason (409 CQO_NOT_ELIGIBLE otherwise)',
  })
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiConflictResponse({
    description: 'CQO_NOT_ELIGIBLE (details name each failing condition), ENTERPRISE_HAS_SERVING_CQO, TRAINEE_ALREADY_SERVING',
    type: ErrorBodyDto,
  })
  @ApiErrors(400)
  appoint(@CurrentActor() actor: Actor, @Body() dto: AppointmentCreateDto): Promise<AppointmentView> {
    return this.appointments.appoint(actor, dto);
  }

  @Get('appointments')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOperation({ summary: 'Appointments in scope (an enterprise: its own, history included; a regulator: its region)' })
  @ApiOkResponse({ type: AppointmentPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: AppointmentListQueryDto): Promise<Page<AppointmentView>> {
    return this.appointments.list(actor, query, query);
  }

  @Get('appointments/:id')
  @Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<AppointmentView> {
    return this.appointments.get(actor, id);
  }

  @Post('appointments/:id/end')
  @HttpCode(200)
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({ summary: 'Records a resignation or dismissal (term expiry is recorded by the daily job)' })
  @ApiOkResponse({ type: AppointmentDto })
  @ApiErrors(400, 404)
  end(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: AppointmentEndDto): Promise<AppointmentView> {
    return this.appointments.end(actor, id, dto);
  }

  @Post('appointments/:id/renew')
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({
    summary:
      '续聘: starts the next term (within 90 days of the term’s end, or after it ran out unrenewed), with the same checks as an appointment',
  })
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiErrors(400, 404)
  renew(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: AppointmentRenewDto): Promise<AppointmentView> {
    return this.appointments.renew(actor, id, dto);
  }

  @Post('declarations')
  @Access(Role.EnterpriseAdmin)
  @ApiOperation({ summary: 'Records the candidate’s declaration on the disqualifying circumstances (one yes/no per item)' })
  @ApiCreatedResponse({ type: DeclarationDto })
  @ApiErrors(400)
  declare(@CurrentActor() actor: Actor, @Body() dto: DeclarationCreateDto): Promise<DeclarationView> {
    return this.declarations.record(actor, dto);
  }
}
