import { ApiProperty } from '@nestjs/swagger';
import type { CourseVersionSummary, CourseVersionView, LessonContentView, LessonView } from '@cqo/courses';
import {
  COURSE_KINDS,
  COURSE_VERSION_STATUSES,
  CourseKind,
  CourseVersionStatus,
  DELIVERY_MODES,
  DeliveryMode,
  LESSON_TYPES,
  LessonType,
} from '@cqo/courses';
import { PageDtoOf } from '../common/page.dto';
import { TopicDto } from './courses.dto';

/** An uploaded lesson file as lists show it (the bytes come only through a signed URL). */
export class LessonContentDto implements LessonContentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['video', 'document'] }) kind!: 'video' | 'document';
  @ApiProperty({ example: 'video/mp4' }) mimeType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Real playing time of a video, from the file' })
  durationSeconds!: number | null;
  @ApiProperty() originalName!: string;
}

export class LessonViewDto implements LessonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LESSON_TYPES }) type!: LessonType;
  @ApiProperty() minutes!: number;
  @ApiProperty() required!: boolean;
  @ApiProperty({ nullable: true, type: String }) contentUrl!: string | null;
  @ApiProperty({ nullable: true, type: LessonContentDto, description: 'The hosted video or PDF, if one was uploaded' })
  content!: LessonContentDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The imported content package of a cmi5 or SCORM lesson' })
  contentPackageId!: string | null;
  @ApiProperty({ nullable: true, type: Date }) startsAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) endsAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) venue!: string | null;
  @ApiProperty({ description: 'The xAPI activity IRI a content platform reports this lesson under' }) activityId!: string;
}

export class AttentionChecksViewDto {
  @ApiProperty() minMinutes!: number;
  @ApiProperty() maxMinutes!: number;
  @ApiProperty() timeoutSeconds!: number;
  @ApiProperty() fromBank!: boolean;
}

/** A course version without its lessons, as the catalog and lists show it. */
export class CourseVersionSummaryDto implements CourseVersionSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: COURSE_VERSION_STATUSES }) status!: CourseVersionStatus;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: [1, 2] }) category!: number;
  @ApiProperty({ enum: COURSE_KINDS }) kind!: CourseKind;
  @ApiProperty({ example: '8.0', description: 'Decimal text' }) creditHours!: string;
  @ApiProperty({ enum: DELIVERY_MODES }) deliveryMode!: DeliveryMode;
  @ApiProperty({ type: [TopicDto] }) topics!: TopicDto[];
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty() seatsTaken!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Null when the course has no seat limit' }) seatsLeft!: number | null;
  @ApiProperty({ nullable: true, type: Date }) enrollmentOpensAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) enrollmentClosesAt!: Date | null;
  @ApiProperty({ description: 'Published, inside the window and with a seat left, now' }) enrollmentOpen!: boolean;
  @ApiProperty({ example: '0.8' }) completionShare!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) finalExamPaperId!: string | null;
  @ApiProperty({ nullable: true, type: AttentionChecksViewDto }) attentionChecks!: AttentionChecksViewDto | null;
  @ApiProperty({ nullable: true, type: String }) approvalNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) archivedAt!: Date | null;
  @ApiProperty() updatedAt!: Date;
}

/** A course version with its lessons. */
export class CourseVersionDto extends CourseVersionSummaryDto implements CourseVersionView {
  @ApiProperty({ type: [LessonViewDto] }) lessons!: LessonViewDto[];
}

export class CourseVersionPageDto extends PageDtoOf(CourseVersionSummaryDto) {}
