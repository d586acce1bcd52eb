import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cqo/core';
import { AuthService, UsersService } from '@cqo/identity';
import { TraineesService, TraineeProfileView } from '@cqo/trainees';
import { AnySignedIn, CurrentActor, Public } from '../common/access.decorator';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { LoginDto, MeDto, RefreshDto, RegisterDto, TokenPairDto } from './auth.dto';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly trainees: TraineesService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() dto: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  /** Trainees register themselves; staff accounts are created by a platform admin. */
  @Post('register')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  register(@Body() dto: RegisterDto): Promise<TraineeProfileView> {
    return this.trainees.register(dto);
  }

  @Get('me')
  @AnySignedIn()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const user = await this.users.get(actor.userId);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
      enterpriseId: user.enterpriseId,
      regionId: user.regionId,
    };
  }
}
