import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cqo/core';
import { TraineeProfileView, TraineesService } from '@cqo/trainees';
import { TraineeProfileDto, UpdateProfileDto } from '../auth/auth.dto';
import { AuditedRead } from '../common/audited-read';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('trainees 学员档案')
@Controller()
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  @Get('me/profile')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: TraineeProfileDto })
  getOwn(@CurrentActor() actor: Actor): Promise<TraineeProfileView> {
    return this.trainees.getOwn(actor);
  }

  @Put('me/profile')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: TraineeProfileDto })
  @ApiErrors(400)
  updateOwn(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<TraineeProfileView> {
    return this.trainees.updateOwn(actor, dto);
  }

  /** Staff read a trainee's (masked) profile within their scope. */
  @Get('trainees/:userId')
  @AuditedRead('lookup', 'trainee.profile')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: TraineeProfileDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string): Promise<TraineeProfileView> {
    return this.trainees.getVisible(actor, userId);
  }
}
