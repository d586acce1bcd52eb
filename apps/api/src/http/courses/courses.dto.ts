import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
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
import { PageQueryDto } from '../common/paging.dto';

const numberToText = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class LessonDto {
  @ApiProperty({ example: '质量强国建设纲要解读' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: LESSON_TYPES, description: 'video / document are studied online; live_session is attended in person' })
  @IsIn(LESSON_TYPES)
  type!: LessonType;

  @ApiProperty({ example: 45, description: 'Declared length in minutes' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://media.example.cn/lessons/1.mp4' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contentUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An uploaded file (POST /content-uploads): video for a video lesson, PDF for a document',
  })
  @IsOptional()
  @IsUUID()
  contentFileId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'cmi5 lessons: an imported package (POST /content-packages)',
  })
  @IsOptional()
  @IsUUID()
  contentPackageId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'live_session only: ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'live_session only: ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '兰州市城关区质量大厦 3 楼报告厅', description: 'live_session only' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string | null;
}

/** Attention checks (弹题): one after a random number of studied minutes in [minMinutes, maxMinutes]. */
export class AttentionChecksDto {
  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(600)
  minMinutes!: number;

  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(1)
  @Max(600)
  maxMinutes!: number;

  @ApiPropertyOptional({ example: 60, description: 'Seconds to answer before the check counts as failed' })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(600)
  timeoutSeconds?: number;

  @ApiPropertyOptional({ description: 'Draw a single-choice or true/false question from the question bank' })
  @IsOptional()
  @IsBoolean()
  fromBank?: boolean;
}

/** The content of a course version. */
export class CourseContentDto {
  @ApiProperty({ example: '质量强国战略与企业首席质量官制度' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '面向企业首席质量官的任职培训课程。' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ enum: [1, 2], description: '1 第一类 (policy and management), 2 第二类 (methods and tools)' })
  @IsIn([1, 2])
  category!: number;

  @ApiProperty({ example: ['national-quality-policy', 'cqo-system'], description: 'Topic codes of the category (GET /topics)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(17)
  @IsString({ each: true })
  topicCodes!: string[];

  @ApiProperty({ enum: COURSE_KINDS, description: 'Category 2 courses are always continuing' })
  @IsIn(COURSE_KINDS)
  kind!: CourseKind;

  @ApiProperty({ example: '7.5', type: String, description: 'Credit hours (学时), > 0 in steps of 0.5; a number is accepted too' })
  @Transform(numberToText)
  @IsString()
  @Matches(/^\d{1,3}(\.[05])?$/, { message: '学时以 0.5 为单位，如 "7.5"' })
  creditHours!: string;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  deliveryMode!: DeliveryMode;

  @ApiPropertyOptional({ type: Number, example: 50, nullable: true, description: 'Seats; null or absent = no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 8601; absent = open from publication' })
  @IsOptional()
  @IsISO8601({ strict: true })
  enrollmentOpensAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 8601; absent = no closing date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  enrollmentClosesAt?: string | null;

  @ApiPropertyOptional({ example: '0.90', type: String, description: 'Share of declared minutes that completes a lesson (default 0.90)' })
  @IsOptional()
  @Transform(numberToText)
  @IsString()
  @Matches(/^(0(\.\d{1,2})?|1(\.0{1,2})?)$/, { message: '必须在 0 到 1 之间（最多两位小数）' })
  completionShare?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Final exam paper (exams API)' })
  @IsOptional()
  @IsUUID()
  finalExamPaperId?: string | null;

  @ApiPropertyOptional({ type: AttentionChecksDto, nullable: true, description: 'Null or absent: no attention checks' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AttentionChecksDto)
  attentionChecks?: AttentionChecksDto | null;

  @ApiProperty({ type: [LessonDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => LessonDto)
  lessons!: LessonDto[];
}

/** Any subset of the content; on an approved or published version only capacity and the enrolment window. */
export class UpdateCourseDto extends PartialType(CourseContentDto) {}

export class ApproveDto {
  @ApiProperty({ example: '甘质培审〔2026〕第018号' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approvalNumber!: string;
}

export class SendBackDto {
  @ApiProperty({ example: '课时安排不足以支撑所申报学时，请补充。' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class CatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @Transform(toNumber)
  @IsIn([1, 2])
  category?: number;

  @ApiPropertyOptional({ example: 'six-sigma' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  topic?: string;

  @ApiPropertyOptional({ enum: COURSE_KINDS })
  @IsOptional()
  @IsIn(COURSE_KINDS)
  kind?: CourseKind;

  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @IsOptional()
  @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Only courses taking enrolments now' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  openOnly?: boolean;

  @ApiPropertyOptional({ description: 'Text in the title or description (Chinese works)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class ListCoursesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COURSE_VERSION_STATUSES, description: 'e.g. submitted: the review queue' })
  @IsOptional()
  @IsIn(COURSE_VERSION_STATUSES)
  status?: CourseVersionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

// ---------------------------------------------------------------- responses

/** One of the seventeen training topics of the two categories. */
export class TopicDto {
  @ApiProperty({ example: '1-03' }) code!: string;
  @ApiProperty({ enum: [1, 2] }) category!: number;
  @ApiProperty({ example: '质量管理体系' }) name!: string;
}
