import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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
