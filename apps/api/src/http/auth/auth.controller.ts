import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Role } from '@cqo/core';
import { AuthService, RequestOrigin, TokenPair, UsersService, VerifiedAccess } from '@cqo/identity';
import { TraineesService, TraineeProfileView } from '@cqo/trainees';
import { Access, AllowedBeforeTotpEnrolment, AnySignedIn, CurrentAccess, CurrentActor, Public } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { LoginThrottlerGuard } from './login-throttler.guard';
import {
  AccessTokenDto,
  ChangePasswordDto,
  LoginDto,
  MeDto,
  RefreshDto,
  RegisterDto,
  TotpCodeDto,
  TotpEnrolmentDto,
  TraineeProfileDto,
} from './auth.dto';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';

const originOf = (request: FastifyRequest): RequestOrigin => ({ ip: request.ip, requestId: String(request.id) });

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly trainees: TraineesService,
  ) {}

  /** The refresh token goes into the httpOnly cookie only; the body carries the access token. */
  private answer(reply: FastifyReply, pair: TokenPair): AccessTokenDto {
    setRefreshCookie(reply, pair.refreshToken, pair.refreshTokenExpiresAt);
    return {
      accessToken: pair.accessToken,
      accessTokenExpiresIn: pair.accessTokenExpiresIn,
      refreshTokenExpiresAt: pair.refreshTokenExpiresAt,
    };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400)
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    return this.answer(reply, await this.auth.login(dto, originOf(request)));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400)
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    const token = request.cookies?.[REFRESH_COOKIE] ?? dto.refreshToken;
    try {
      return this.answer(reply, await this.auth.refresh(token ?? ''));
    } catch (error) {
      clearRefreshCookie(reply);
      throw error;
    }
  }

  /** Ends this session: its refresh token and, on every API instance, its access tokens. */
  @Post('logout')
  @HttpCode(204)
  @AnySignedIn()
  @AllowedBeforeTotpEnrolment()
  @ApiNoContentResponse()
  @ApiErrors(400)
  async logout(
    @CurrentAccess() access: VerifiedAccess,
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(access, dto.refreshToken ?? null, originOf(request));
    clearRefreshCookie(reply);
  }

  /** Changes one's own password; every other session ends, this one continues with new tokens. */
  @Post('password')
  @HttpCode(200)
  @AnySignedIn()
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    return this.answer(reply, await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, originOf(request)));
  }

  /** TOTP second factor for staff: a new secret to scan, in force after /auth/totp/confirm. */
  @Post('totp/enrol')
  @HttpCode(200)
  @Access(Role.PlatformAdmin, Role.OrgAdmin, Role.EnterpriseAdmin, Role.Regulator)
  @AllowedBeforeTotpEnrolment()
  @ApiOkResponse({ type: TotpEnrolmentDto })
  enrolTotp(@CurrentActor() actor: Actor): Promise<TotpEnrolmentDto> {
    return this.auth.enrolTotp(actor);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @Access(Role.PlatformAdmin, Role.OrgAdmin, Role.EnterpriseAdmin, Role.Regulator)
  @AllowedBeforeTotpEnrolment()
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400)
  async confirmTotp(
    @CurrentActor() actor: Actor,
    @Body() dto: TotpCodeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccessTokenDto> {
    return this.answer(reply, await this.auth.confirmTotp(actor, dto.code, originOf(request)));
  }

  /** Turns the second factor off with a current code (not for a platform admin where it is required). */
  @Post('totp/disable')
  @HttpCode(204)
  @Access(Role.PlatformAdmin, Role.OrgAdmin, Role.EnterpriseAdmin, Role.Regulator)
  @ApiNoContentResponse()
  @ApiErrors(400)
  async disableTotp(@CurrentActor() actor: Actor, @Body() dto: TotpCodeDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.disableTotp(actor, dto.code, originOf(request));
  }

  /**
   * Trainees register themselves; staff accounts are created by a platform admin. A taken ID
   * number is answered exactly like a fresh one (the collision waits for the enterprise or city).
   */
  @Post('register')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiCreatedResponse({ type: TraineeProfileDto })
  @ApiErrors(400)
  register(@Body() dto: RegisterDto): Promise<TraineeProfileView> {
    return this.trainees.register(dto);
  }

  @Get('me')
  @AnySignedIn()
  @AllowedBeforeTotpEnrolment()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentAccess() access: VerifiedAccess): Promise<MeDto> {
    const user = await this.users.get(access.actor.userId);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
      enterpriseId: user.enterpriseId,
      regionId: user.regionId,
      totpEnabled: user.totpEnabled,
      totpRequired: this.auth.totpRequiredFor(user.role),
      totpEnrolmentRequired: access.totpEnrolmentPending,
      email: user.email,
      emailVerified: user.emailVerified,
    };
  }
}
