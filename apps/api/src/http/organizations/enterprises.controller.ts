import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { EnterprisesService, EnterpriseView } from '@cqo/organizations';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateEnterpriseDto, EnterpriseDto, EnterprisePageDto, ListEnterprisesQueryDto, UpdateEnterpriseDto } from './organizations.dto';

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Access(Role.PlatformAdmin)
  @ApiCreatedResponse({ type: EnterpriseDto })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.create(dto, actor);
  }

  /** Platform admins see all, regulators their region, enterprise admins their own. */
  @Get()
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: EnterprisePageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListEnterprisesQueryDto): Promise<Page<EnterpriseView>> {
    return this.enterprises.listVisible(actor, { regionId: query.regionId, q: query.q }, query);
  }

  @Get(':id')
  @Access(Role.PlatformAdmin, Role.Regulator, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<EnterpriseView> {
    return this.enterprises.getVisible(actor, id);
  }

  @Patch(':id')
  @Access(Role.PlatformAdmin, Role.EnterpriseAdmin)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiErrors(400, 404)
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.update(actor, id, dto);
  }
}
