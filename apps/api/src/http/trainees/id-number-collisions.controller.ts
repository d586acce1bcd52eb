import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Actor, Role } from '@cqo/core';
import { CollisionResolution, IdNumberCollisionsService, IdNumberCollisionView } from '@cqo/trainees';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';

const RESOLUTIONS: readonly CollisionResolution[] = ['claimant_confirmed', 'claim_rejected'];

export class ResolveCollisionDto {
  @ApiProperty({
    enum: RESOLUTIONS,
    description:
      'claimant_confirmed: the newcomer is the person (the earlier account loses the number and is disabled); claim_rejected: they are not',
  })
  @IsIn(RESOLUTIONS, { message: `取值须为 ${RESOLUTIONS.join('、')}` })
  decision!: CollisionResolution;
}

class CollisionPartyDto {
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
}

class CollisionHolderDto extends CollisionPartyDto {
  @ApiProperty({ description: 'Hours, appointments or certificates refer to this account' }) hasRecords!: boolean;
}

export class IdNumberCollisionDto {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ example: '110105********002X' }) idNumberMasked!: string;
  @ApiProperty({ type: CollisionPartyDto }) claimant!: CollisionPartyDto;
  @ApiProperty({ type: CollisionHolderDto }) holder!: CollisionHolderDto;
}

/**
 * ID-number collisions (issue 13): registration answers a taken number like a fresh one; the
 * enterprise admin or the city checks identity papers and decides here. Scope in the service.
 */
@ApiTags('trainees 学员档案')
@Controller('id-number-collisions')
@Access(Role.EnterpriseAdmin, Role.Regulator, Role.PlatformAdmin)
export class IdNumberCollisionsController {
  constructor(private readonly collisions: IdNumberCollisionsService) {}

  @Get()
  @ApiOkResponse({ type: [IdNumberCollisionDto] })
  pending(@CurrentActor() actor: Actor): Promise<IdNumberCollisionView[]> {
    return this.collisions.listPending(actor);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: IdNumberCollisionDto })
  @ApiErrors(400, 404)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ResolveCollisionDto,
  ): Promise<IdNumberCollisionView> {
    return this.collisions.resolve(actor, id, dto.decision);
  }
}
