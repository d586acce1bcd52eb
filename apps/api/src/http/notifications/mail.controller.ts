import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Actor, Role } from '@cqo/core';
import { AccountRecoveryService } from '@cqo/identity';
import { CaughtMail, CaughtMailSummary, DeadLetterView, MailSettingsService, NotificationSettingsView } from '@cqo/notifications';
import { Access, AnySignedIn, CurrentActor, Public } from '../common/access.decorator';
import { ApiEmptyResponse, ApiErrors } from '../common/api-responses';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { IsEmailAddress } from '../auth/auth.dto';

export class NotificationSettingsDto implements NotificationSettingsView {
  @ApiProperty({ nullable: true, type: String })
  email!: string | null;
  @ApiProperty()
  emailVerified!: boolean;
  @ApiProperty({ description: 'Reminder mail (the daily digest of shortfalls, term expiry, reports due)' })
  emailReminders!: boolean;
  @ApiProperty({ description: 'Mail about course reviews, claim decisions, certificates issued' })
  emailUpdates!: boolean;
}

export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'A new address gets a verification mail; null removes it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  emailReminders?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  emailUpdates?: boolean;
}

export class UnsubscribeDto {
  @ApiProperty({ description: 'The token of the unsubscribe link' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: '退订链接无效' })
  token!: string;
}

export class DeadLetterDto implements DeadLetterView {
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: Number }) smtpCode!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty() bounces!: number;
  @ApiProperty() firstBouncedAt!: Date;
  @ApiProperty() lastBouncedAt!: Date;
}

export class CaughtMailSummaryDto implements CaughtMailSummary {
  @ApiProperty() id!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() to!: string;
  @ApiProperty() receivedAt!: Date;
}

export class CaughtMailDto extends CaughtMailSummaryDto implements CaughtMail {
  @ApiProperty() from!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) html!: string | null;
}

@ApiTags('notifications 站内通知')
@Controller()
export class MailController {
  constructor(
    private readonly settings: MailSettingsService,
    private readonly recovery: AccountRecoveryService,
  ) {}

  @Get('me/notification-settings')
  @AnySignedIn()
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationSettingsDto> {
    return this.settings.settingsOf(actor.userId);
  }

  @Put('me/notification-settings')
  @AnySignedIn()
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiErrors(400)
  async update(
    @CurrentActor() actor: Actor,
    @Body() dto: UpdateNotificationSettingsDto,
    @Req() request: FastifyRequest,
  ): Promise<NotificationSettingsDto> {
    if (dto.email !== undefined)
      await this.recovery.changeEmail(actor.userId, dto.email, { ip: request.ip, requestId: String(request.id) });
    if (dto.emailReminders !== undefined || dto.emailUpdates !== undefined) {
      await this.settings.updatePreferences(actor.userId, { emailReminders: dto.emailReminders, emailUpdates: dto.emailUpdates });
    }
    return this.settings.settingsOf(actor.userId);
  }

  /** Mails the verification link again (the address is unverified). */
  @Post('me/email/verification')
  @HttpCode(202)
  @AnySignedIn()
  @UseGuards(LoginThrottlerGuard)
  @ApiEmptyResponse(202, 'The link is being mailed again')
  @ApiErrors(409, 429)
  async resendVerification(@CurrentActor() actor: Actor): Promise<void> {
    await this.recovery.resendVerification(actor.userId);
  }

  /** The link in a reminder mail: turns reminder mail off (other mail and in-app notifications stay). */
  @Post('mail/unsubscribe')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse()
  @ApiErrors(400)
  async unsubscribe(@Body() dto: UnsubscribeDto): Promise<void> {
    await this.settings.unsubscribe(dto.token);
  }

  /** Addresses the mail server refused for good: not mailed until removed. */
  @Get('admin/mail/dead-letters')
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: [DeadLetterDto] })
  deadLetters(): Promise<DeadLetterDto[]> {
    return this.settings.deadLetters();
  }

  @Delete('admin/mail/dead-letters/:address')
  @HttpCode(204)
  @Access(Role.PlatformAdmin)
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async removeDeadLetter(@Param('address') address: string): Promise<void> {
    await this.settings.removeDeadLetter(address);
  }

  /** Development without SMTP: what the local catch-all received (empty otherwise). */
  @Get('admin/mail/catch-all')
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: [CaughtMailSummaryDto] })
  caught(): Promise<CaughtMailSummaryDto[]> {
    return this.settings.caughtMail();
  }

  @Get('admin/mail/catch-all/:id')
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: CaughtMailDto })
  @ApiErrors(400, 404)
  caughtMessage(@Param('id') id: string): Promise<CaughtMailDto> {
    return this.settings.caughtMessage(id);
  }
}
