import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Actor, Role } from '@cqo/core';
import { PendingEmployeeView, TraineeProfileView, TraineesService } from '@cqo/trainees';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { TraineeProfileDto } from '../auth/auth.dto';

class PendingEmployeeDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: '张三' }) fullName!: string;
  @ApiProperty({ example: '110105********002X' }) idNumberMasked!: string;
  @ApiProperty() requestedAt!: Date;
}

export class CorrectIdNumberDto {
  @ApiProperty({ example: '11010519491231002X' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: '必须是18位身份证号码' })
  idNumber!: string;
}

/**
 * The enterprise admin's side of employment: trainees who named the enterprise wait here until
 * confirmed (only then do they count in its lists and figures); ID-number corrections of its
 * employees go through here too, audited.
 */
@ApiTags('trainees 学员档案')
@Controller('enterprise')
@Access(Role.EnterpriseAdmin)
export class EmployerLinksController {
  constructor(private readonly trainees: TraineesService) {}

  @Get('employee-requests')
  @ApiOkResponse({ type: [PendingEmployeeDto] })
  pending(@CurrentActor() actor: Actor): Promise<PendingEmployeeView[]> {
    return this.trainees.pendingEmployees(actor);
  }

  @Post('employee-requests/:userId/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeProfileDto })
  @ApiErrors(400, 404)
  confirm(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string): Promise<TraineeProfileView> {
    return this.trainees.decideEmployer(actor, userId, true);
  }

  @Post('employee-requests/:userId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeProfileDto })
  @ApiErrors(400, 404)
  reject(@CurrentActor() actor: Actor, @Param('userId', ParseIdPipe) userId: string): Promise<TraineeProfileView> {
    return this.trainees.decideEmployer(actor, userId, false);
  }

  @Put('employees/:userId/id-number')
  @ApiOkResponse({ type: TraineeProfileDto })
  @ApiErrors(400, 404)
  correctIdNumber(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() dto: CorrectIdNumberDto,
  ): Promise<TraineeProfileView> {
    return this.trainees.correctIdNumber(actor, userId, dto.idNumber);
  }
}
