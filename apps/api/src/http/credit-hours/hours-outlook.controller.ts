import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, chinaYearOf, Clock, Role } from '@cqo/core';
import { HoursOutlook, HoursOutlookService } from '@cqo/credit-hours';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { HoursOutlookDto, YearQueryDto } from './credit-hours.dto';

/**
 * The trainee's next step per requirement (days left to 31 December CST, hours expected by now,
 * hours enrolled but unfinished, the catalog filter). A separate route so the hours page's
 * figures are computed on the server, beside (not inside) the compliance statuses.
 */
@ApiTags('credit hours 学时')
@Controller()
export class HoursOutlookController {
  constructor(
    private readonly outlook: HoursOutlookService,
    private readonly clock: Clock,
  ) {}

  @Get('me/credit-hours/outlook')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: HoursOutlookDto })
  @ApiErrors(400)
  own(@CurrentActor() actor: Actor, @Query() query: YearQueryDto): Promise<HoursOutlook> {
    return this.outlook.outlookOf(actor, actor.userId, query.year ?? chinaYearOf(this.clock.now()));
  }
}
