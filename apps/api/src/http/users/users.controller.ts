import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, Role } from '@cqo/core';
import { UsersService, UserView } from '@cqo/identity';
import { Access } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateUserDto, ListUsersQueryDto, SetUserStatusDto } from './users.dto';

@ApiTags('users 用户管理')
@Controller('users')
@Access(Role.PlatformAdmin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Get()
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list({ role: query.role }, query);
  }

  @Get(':id')
  get(@Param('id', ParseIdPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id/status')
  setStatus(@Param('id', ParseIdPipe) id: string, @Body() dto: SetUserStatusDto): Promise<UserView> {
    return this.users.setStatus(id, dto.status);
  }
}
