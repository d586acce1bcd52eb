import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CREDIT_KINDS, CreditCategory, CreditKind } from '@cqo/credit-hours';
import { EXTERNAL_CLAIM_STATUSES, ExternalClaimStatus, MAX_EVIDENCE_FILES } from '@cqo/external-claims';
import { BASE64_FILE_MAX_LENGTH, IsBase64File } from '../common/file-upload';
import { PageQueryDto } from '../common/paging.dto';

export class ClaimEvidenceDto {
  @ApiProperty({ example: '结业证书.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;

  @ApiProperty({ description: 'The file, base64: PDF, JPG or PNG (by its bytes), at most 3 MB before encoding' })
  @IsBase64File()
  // Bounded by the body only: the service checks each decoded file's size and names `evidence[i]`.
  @MaxLength(BASE64_FILE_MAX_LENGTH)
  contentBase64!: string;
}

export class ExternalClaimCreateDto {
  @ApiProperty({ example: '中国质量协会' })
  @IsString()
  @MaxLength(200)
  organiser!: string;

  @ApiProperty({ example: '全国六西格玛管理推进工作会议' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-04-20', description: 'First day (CST), not before the employer link was confirmed' })
  @IsString()
  @MaxLength(10)
  startedOn!: string;

  @ApiProperty({ example: '2026-04-21', description: 'Last day (CST): its year is the year the hours count in; not in the future' })
  @IsString()
  @MaxLength(10)
  endedOn!: string;

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  category!: CreditCategory;

  @ApiProperty({ enum: CREDIT_KINDS, description: 'Category-2 hours are always continuing' })
  @IsIn(CREDIT_KINDS)
  kind!: CreditKind;

  @ApiProperty({ example: '8', description: 'Positive exact decimal as text; within the yearly limit of the rule set' })
  @IsString()
  @MaxLength(10)
  hours!: string;

  @ApiProperty({ type: [String], example: ['six-sigma'], description: "Topic codes of the claim's category" })
  @IsArray()
  @ArrayMaxSize(17)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  topicCodes!: string[];

  @ApiProperty({ type: [ClaimEvidenceDto], description: `1 to ${MAX_EVIDENCE_FILES} files` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVIDENCE_FILES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClaimEvidenceDto)
  evidence!: ClaimEvidenceDto[];
}

export class ClaimRejectDto {
  @ApiProperty({ example: '证明材料与培训名称不符' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class ClaimApproveDto {
  @ApiPropertyOptional({ example: '6', description: 'Hours approved (≤ claimed); omitted = as claimed' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  approvedHours?: string;

  @ApiPropertyOptional({ example: '会议日程显示第二天为参观，不计学时', description: 'Required when fewer hours are approved' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reductionReason?: string;
}

export class ClaimListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXTERNAL_CLAIM_STATUSES })
  @IsOptional()
  @IsIn(EXTERNAL_CLAIM_STATUSES)
  status?: ExternalClaimStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  traineeId?: string;
}

// ---------------------------------------------------------------- responses

export class ClaimEvidenceFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '结业证书.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

/** A claim as its trainee, the employer and the regulator see it (libs/external-claims ExternalClaimView). */
export class ExternalClaimDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ example: '张伟' }) traineeName!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ example: '甘肃省质量协会' }) organiser!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2026-04-01' }) startedOn!: string;
  @ApiProperty({ example: '2026-04-03' }) endedOn!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: [1, 2] }) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ example: '8.0' }) hours!: string;
  @ApiProperty({ type: [String] }) topicCodes!: string[];
  @ApiProperty({ enum: EXTERNAL_CLAIM_STATUSES }) status!: ExternalClaimStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endorsedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, enum: ['enterprise', 'regulator'] }) rejectedStage!: 'enterprise' | 'regulator' | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '6.0' }) approvedHours!: string | null;
  @ApiProperty({ nullable: true, type: String }) reductionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) creditEntryId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [ClaimEvidenceFileDto] }) evidence!: ClaimEvidenceFileDto[];
}

export class ExternalClaimPageDto {
  @ApiProperty({ type: [ExternalClaimDto] }) items!: ExternalClaimDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
