import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Actor } from '@cqo/core';
import { NotificationsService, NotificationView } from '@cqo/notifications';
import { AnySignedIn, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageQueryDto } from '../common/paging.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}

class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'course_approved' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) readAt!: Date | null;
}

class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Unread notifications in all, whatever the page' }) unread!: number;
}

@ApiTags('notifications 站内通知')
@Controller('me/notifications')
@AnySignedIn()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.listOwn(actor, query, query.unreadOnly ?? false);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(400, 404)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
