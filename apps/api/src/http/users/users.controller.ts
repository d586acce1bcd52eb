import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { UsersService, UserView } from '@cqo/identity';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ChangeUserRoleDto, CreateUserDto, ListUsersQueryDto, SetUserStatusDto, UserDto, UserPageDto } from './users.dto';

@ApiTags('users 用户管理')
@Controller('users')
@Access(Role.PlatformAdmin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto, undefined, actor);
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  @ApiErrors(400)
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list({ role: query.role }, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id/status')
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  setStatus(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: SetUserStatusDto): Promise<UserView> {
    return this.users.setStatus(actor, id, dto.status);
  }

  /** A staff account's role or scope; its sessions end at once. */
  @Patch(':id/role')
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  changeRole(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: ChangeUserRoleDto): Promise<UserView> {
    return this.users.changeRole(actor, id, dto);
  }
}
