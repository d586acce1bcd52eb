import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@cqo/core';
import { TrainingOrganizationsService, TrainingOrganizationView } from '@cqo/organizations';
import { Access, AnySignedIn } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateTrainingOrganizationDto, TrainingOrganizationDto } from './organizations.dto';

@ApiTags('organizations 培训机构')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: TrainingOrganizationsService) {}

  @Post()
  @Access(Role.PlatformAdmin)
  @ApiCreatedResponse({ type: TrainingOrganizationDto })
  @ApiErrors(400)
  create(@Body() dto: CreateTrainingOrganizationDto): Promise<TrainingOrganizationView> {
    return this.organizations.create(dto);
  }

  @Get()
  @AnySignedIn()
  @ApiOkResponse({ type: [TrainingOrganizationDto] })
  list(): Promise<TrainingOrganizationView[]> {
    return this.organizations.list();
  }

  @Get(':id')
  @AnySignedIn()
  @ApiOkResponse({ type: TrainingOrganizationDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string): Promise<TrainingOrganizationView> {
    return this.organizations.get(id);
  }
}
