import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EnrollmentStatus, ROSTER_MODES, RosterMode } from '@cqo/courses';
import { PageQueryDto } from '../common/paging.dto';

const ENROLLMENT_STATUSES: EnrollmentStatus[] = ['enrolled', 'withdrawn', 'completed'];

export class EnrollDto {
  @ApiProperty({ format: 'uuid', description: 'A published course version (from the catalog)' })
  @IsUUID()
  courseVersionId!: string;
}

export class ListEnrollmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
}

export class CsvUploadDto {
  @ApiProperty({
    example: 'id_number,name\n620102198503121234,张伟\n',
    description: 'CSV text with a header row: id_number (身份证号) or username (用户名); name (姓名) is ignored',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000_000)
  csv!: string;

  @ApiPropertyOptional({ enum: ROSTER_MODES, default: 'valid-rows', description: 'all-or-nothing: apply nothing if any row fails' })
  @IsOptional()
  @IsIn(ROSTER_MODES)
  mode?: RosterMode;
}

export class StartStudyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enrollmentId!: string;

  @ApiProperty({ format: 'uuid', description: 'An online (video or document) lesson of the enrolled version' })
  @IsUUID()
  lessonId!: string;
}

/** What the player reports with a heartbeat; every field optional (an old client reports nothing). */
export class HeartbeatDto {
  @ApiPropertyOptional({ description: 'Playback position, seconds' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ description: 'Playback rate; above 1 credits nothing' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(16)
  playbackRate?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  visible?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  focused?: boolean;

  @ApiPropertyOptional({ description: 'Seconds since the last mouse, key or touch input' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  idleSeconds?: number;
}

export class AttentionAnswerDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The chosen option of a question check; absent for a confirmation' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  answer?: string | null;
}

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  traineeId!: string;

  @ApiProperty({ example: '2026-03-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  signedInAt!: string;

  @ApiProperty({ example: '2026-03-01T12:00:00+08:00' })
  @IsISO8601({ strict: true })
  signedOutAt!: string;
}

export class CreateXapiKeyDto {
  @ApiProperty({ example: '外部学习平台' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}

// ---------------------------------------------------------------- responses

export class XapiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '课件播放器' }) name!: string;
  @ApiProperty({ example: 'cqo_3f9a', description: 'The first characters, to recognise the key' }) keyPrefix!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
}

/** Answered once, when the key is made: the whole key is never stored or shown again. */
export class CreatedXapiKeyDto extends XapiKeyDto {
  @ApiProperty() key!: string;
}
