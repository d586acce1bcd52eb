import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Actor, Role } from '@cqo/core';
import type { LessonType } from '@cqo/courses';
import { LESSON_TYPES, LessonPreviewService, LessonPreviewView } from '@cqo/courses';
import { Access, CurrentActor } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiErrors } from '../common/api-responses';

export class LessonPreviewDto {
  @ApiPropertyOptional({ description: 'SCORM/cmi5 lessons: the SCO or AU to open (its identifier); the first when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  itemId?: string;
}

class LessonPreviewItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

class LessonPreviewViewDto implements LessonPreviewView {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ enum: LESSON_TYPES }) type!: LessonType;
  @ApiProperty() title!: string;
  @ApiProperty({
    enum: ['file', 'link', 'package'],
    description: 'file: a video or PDF by signed URL; link: an external URL; package: a SCORM SCO or cmi5 AU page',
  })
  kind!: 'file' | 'link' | 'package';
  @ApiProperty() url!: string;
  @ApiProperty({ type: String, nullable: true }) mimeType!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: [LessonPreviewItemDto] }) items!: LessonPreviewItemDto[];
  @ApiProperty({ type: String, nullable: true }) itemId!: string | null;
}

/** Previewing a lesson of a course version for its approval: the version's org admin and the reviewing platform admins. */
@ApiTags('courses 课程')
@Controller()
export class LessonPreviewController {
  constructor(private readonly previews: LessonPreviewService) {}

  @Post('course-versions/:versionId/lessons/:lessonId/preview')
  @HttpCode(200)
  @Access(Role.OrgAdmin, Role.PlatformAdmin)
  @ApiOperation({ summary: 'Opens a lesson (video, PDF, SCORM, cmi5) as a trainee would see it, recording and crediting nothing' })
  @ApiOkResponse({ type: LessonPreviewViewDto })
  @ApiErrors(400, 403, 404)
  preview(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: LessonPreviewDto,
  ): Promise<LessonPreviewView> {
    return this.previews.preview(actor, versionId, lessonId, dto.itemId);
  }
}
