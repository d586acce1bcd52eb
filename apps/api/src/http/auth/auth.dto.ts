import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Role } from '@cqo/core';
import { EDUCATION_LEVELS, EducationLevel, QUALITY_QUALIFICATIONS, QualityQualification } from '@cqo/trainees';

export class LoginDto {
  @ApiProperty({ example: 'trainee' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Cqo@2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty()
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' })
  accessTokenExpiresIn!: number;
  @ApiProperty()
  refreshToken!: string;
  @ApiProperty()
  refreshTokenExpiresAt!: Date;
}

/** The profile a trainee fills in; shared by registration and profile update. */
export class ProfileDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  fullName!: string;

  @ApiProperty({ example: '11010519491231002X', description: '18-digit resident ID number; stored hashed, shown masked' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: '必须是18位身份证号码' })
  idNumber!: string;

  @ApiPropertyOptional({ example: '13912345678' })
  @IsOptional()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: '必须是11位手机号码' })
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Employer enterprise' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  educationLevel!: EducationLevel;

  @ApiProperty({ example: 6, description: 'Years of quality-management work' })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  qualityWorkYears!: number;

  @ApiProperty({ enum: QUALITY_QUALIFICATIONS })
  @IsIn(QUALITY_QUALIFICATIONS)
  qualityQualification!: QualityQualification;

  @ApiProperty({ description: 'Holds a quality-related senior technical title' })
  @IsBoolean()
  relatedSeniorTitle!: boolean;

  @ApiPropertyOptional({ example: '高级工程师' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  titleName?: string;

  @ApiPropertyOptional({ description: 'Hold me to the yearly hour requirements even if I am not a serving CQO' })
  @IsOptional()
  @IsBoolean()
  yearlyRequirementsOptIn?: boolean;
}

export class RegisterDto extends ProfileDto {
  @ApiProperty({ example: 'zhangsan' })
  @IsString()
  @Matches(/^[a-zA-Z0-9_.-]{3,32}$/, { message: '3-32位字母、数字或 _ . -' })
  username!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password!: string;
}

export class MeDto {
  @ApiProperty()
  userId!: string;
  @ApiProperty()
  username!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ enum: Role })
  role!: Role;
  @ApiProperty({ nullable: true, type: String })
  organizationId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  regionId!: string | null;
}
