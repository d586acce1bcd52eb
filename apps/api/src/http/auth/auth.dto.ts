import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  isEmail,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { Role } from '@cqo/core';

/**
 * An e-mail address of at most 254 characters. validator.js's isEmail throws (URIError) on a
 * lone surrogate, which would be a 500 (the fuzz found it): a throw counts as not an address.
 */
function emailShaped(text: string): boolean {
  try {
    return isEmail(text);
  } catch {
    return false;
  }
}

export function IsEmailAddress(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (v) => typeof v === 'string' && v.length <= 254 && emailShaped(v),
        defaultMessage: () => '邮箱地址格式不正确',
      },
    },
    options,
  );
}
import { EDUCATION_LEVELS, EducationLevel, QUALITY_QUALIFICATIONS, QualityQualification } from '@cqo/trainees';

export class LoginDto {
  @ApiProperty({ example: 'trainee' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Cqo-Demo!2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ example: '123456', description: 'TOTP code, for accounts with a second factor' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '必须是6位数字' })
  totpCode?: string;
}

/** The refresh token travels in the httpOnly cookie; a non-browser client may send it here instead. */
export class RefreshDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}

/** The access token (keep it in memory only); the refresh token is set as an httpOnly cookie. */
export class AccessTokenDto {
  @ApiProperty()
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' })
  accessTokenExpiresIn!: number;
  @ApiProperty({ description: 'When the refresh token (cookie) expires' })
  refreshTokenExpiresAt!: Date;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters (12 for staff), not common, not the user name' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  newPassword!: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret for an authenticator app' })
  secret!: string;
  @ApiProperty({ description: 'otpauth:// URI (for a QR code)' })
  otpauthUri!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '必须是6位数字' })
  code!: string;
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

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Employer enterprise (null: none)' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string | null;

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

  @ApiPropertyOptional({ example: '高级工程师', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  titleName?: string | null;

  @ApiPropertyOptional({ description: 'Hold me to the yearly hour requirements even if I am not a serving CQO' })
  @IsOptional()
  @IsBoolean()
  yearlyRequirementsOptIn?: boolean;
}

/** A profile update: the ID number (shown masked) is sent only to change it; a left-out phone is kept, null clears it. */
export class UpdateProfileDto extends OmitType(ProfileDto, ['idNumber'] as const) {
  @ApiPropertyOptional({ example: '11010519491231002X', description: 'Only to change it (allowed while nothing refers to the person)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{17}[\dXx]$/, { message: '必须是18位身份证号码' })
  idNumber?: string;
}

export class RegisterDto extends ProfileDto {
  @ApiProperty({ example: 'zhangsan' })
  @IsString()
  @Matches(/^[a-zA-Z0-9_.-]{3,32}$/, { message: '3-32位字母、数字或 _ . -' })
  username!: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters, not common, not the user name' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password!: string;

  // Checked here for its shape; keeping and verifying the address belongs to the e-mail work (issue 16, mail branch).
  @ApiPropertyOptional({ example: 'zhangsan@example.com' })
  @IsOptional()
  @IsEmailAddress()
  email?: string;
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
  @ApiProperty()
  totpEnabled!: boolean;
  @ApiProperty({ description: 'The role must keep the second factor (it cannot be turned off)' })
  totpRequired!: boolean;
  @ApiProperty({ description: 'A platform admin who must enrol TOTP before anything else' })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({ nullable: true, type: String })
  email!: string | null;
  @ApiProperty({ description: 'The address was confirmed by a mailed link (log-in does not require it; the web app shows a banner)' })
  emailVerified!: boolean;
}

/** A trainee's profile as the trainee and staff in scope see it (ID number and phone masked). */
export class TraineeProfileDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: '张三' }) fullName!: string;
  @ApiProperty({ example: '110105********002X' }) idNumberMasked!: string;
  @ApiProperty({ nullable: true, type: String, example: '139****5678' }) phoneMasked!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The confirmed employer' }) enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'An employer named but not yet confirmed by its admin' })
  pendingEnterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) pendingEnterpriseName!: string | null;
  @ApiProperty({ enum: EDUCATION_LEVELS }) educationLevel!: EducationLevel;
  @ApiProperty({ example: 6 }) qualityWorkYears!: number;
  @ApiProperty({ enum: QUALITY_QUALIFICATIONS }) qualityQualification!: QualityQualification;
  @ApiProperty() relatedSeniorTitle!: boolean;
  @ApiProperty({ nullable: true, type: String }) titleName!: string | null;
  @ApiProperty() yearlyRequirementsOptIn!: boolean;
}
