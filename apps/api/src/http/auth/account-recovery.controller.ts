import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AccountRecoveryService } from '@cqo/identity';
import { Public } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { IsEmailAddress } from './auth.dto';

/** Link tokens are 43 base64url characters (an HMAC-SHA256). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export class ForgotPasswordDto {
  @ApiProperty({ example: 'zhangsan@example.cn' })
  @IsEmailAddress()
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token of the link in the reset mail' })
  @IsString()
  @Matches(TOKEN_SHAPE, { message: '链接无效' })
  token!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword!: string;
}

export class EmailTokenDto {
  @ApiProperty({ description: 'The token of the link in the mail' })
  @IsString()
  @Matches(TOKEN_SHAPE, { message: '链接无效' })
  token!: string;
}

export class ForgotPasswordAnswerDto {
  @ApiProperty()
  message!: string;
}

export class EmailVerifiedDto {
  @ApiProperty()
  email!: string;
  @ApiProperty({ description: 'False when the account has since changed its address (the link was for an old one)' })
  verified!: boolean;
}

const originOf = (request: FastifyRequest) => ({ ip: request.ip, requestId: String(request.id) });

/** The same words whether or not an account holds the address. */
export const FORGOT_PASSWORD_ANSWER = '如果该邮箱已在平台登记，您将在几分钟内收到重置密码的邮件，链接30分钟内有效。';

@ApiTags('auth 登录')
@Controller('auth')
export class AccountRecoveryController {
  constructor(private readonly recovery: AccountRecoveryService) {}

  /** Always 202 with the same body: the lookup happens in the worker, after the answer. */
  @Post('password/forgot')
  @HttpCode(202)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiAcceptedResponse({ type: ForgotPasswordAnswerDto })
  @ApiErrors(400)
  async forgot(@Body() dto: ForgotPasswordDto): Promise<ForgotPasswordAnswerDto> {
    await this.recovery.requestPasswordReset(dto.email);
    return { message: FORGOT_PASSWORD_ANSWER };
  }

  /** Sets a new password from the link; every session of the account ends. */
  @Post('password/reset')
  @HttpCode(204)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiNoContentResponse()
  @ApiErrors(400)
  async reset(@Body() dto: ResetPasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.recovery.resetPassword(dto.token, dto.newPassword, originOf(request));
  }

  @Post('email/verify')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOkResponse({ type: EmailVerifiedDto })
  @ApiErrors(400)
  verify(@Body() dto: EmailTokenDto, @Req() request: FastifyRequest): Promise<EmailVerifiedDto> {
    return this.recovery.verifyEmail(dto.token, originOf(request));
  }
}
