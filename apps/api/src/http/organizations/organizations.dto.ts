import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AWARD_STANDINGS, AwardStanding } from '@cqo/organizations';
import { PageQueryDto } from '../common/paging.dto';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const CREDIT_CODE_MESSAGE = '必须是18位统一社会信用代码';

export class CreateTrainingOrganizationDto {
  @ApiProperty({ example: '甘肃省质量发展研究院' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '12620000MB1234567X' })
  @Matches(CREDIT_CODE, { message: CREDIT_CODE_MESSAGE })
  creditCode!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;
}

export class CreateEnterpriseDto {
  @ApiProperty({ example: '兰州某某机械制造有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '91620100MA71234567' })
  @Matches(CREDIT_CODE, { message: CREDIT_CODE_MESSAGE })
  creditCode!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId!: string;

  @ApiProperty()
  @IsBoolean()
  stateOwned!: boolean;

  @ApiProperty({ description: '规模以上' })
  @IsBoolean()
  aboveDesignatedSize!: boolean;

  @ApiProperty({ description: '生产型企业' })
  @IsBoolean()
  production!: boolean;

  @ApiProperty({ enum: AWARD_STANDINGS, description: '中国质量奖' })
  @IsIn(AWARD_STANDINGS)
  chinaQualityAward!: AwardStanding;

  @ApiProperty({ enum: AWARD_STANDINGS, description: '甘肃省人民政府质量奖' })
  @IsIn(AWARD_STANDINGS)
  provincialQualityAward!: AwardStanding;

  @ApiProperty({ enum: AWARD_STANDINGS, description: '市（州）政府质量奖' })
  @IsIn(AWARD_STANDINGS)
  cityQualityAward!: AwardStanding;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '中国质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  chinaQualityAwardYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '甘肃省人民政府质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  provincialQualityAwardYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '市（州）政府质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  cityQualityAwardYear?: number | null;
}

export class UpdateEnterpriseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  stateOwned?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  aboveDesignatedSize?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  production?: boolean;

  @ApiPropertyOptional({ enum: AWARD_STANDINGS })
  @IsOptional()
  @IsIn(AWARD_STANDINGS)
  chinaQualityAward?: AwardStanding;

  @ApiPropertyOptional({ enum: AWARD_STANDINGS })
  @IsOptional()
  @IsIn(AWARD_STANDINGS)
  provincialQualityAward?: AwardStanding;

  @ApiPropertyOptional({ enum: AWARD_STANDINGS })
  @IsOptional()
  @IsIn(AWARD_STANDINGS)
  cityQualityAward?: AwardStanding;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '中国质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  chinaQualityAwardYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '甘肃省人民政府质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  provincialQualityAwardYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2020, description: '市（州）政府质量奖 year obtained' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  cityQualityAwardYear?: number | null;
}

/** An enterprise admin's correction request: the fields to change and why. */
export class CorrectionChangesDto extends UpdateEnterpriseDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ListEnterprisesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

// ---------------------------------------------------------------- responses

export class TrainingOrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '甘肃省质量技术培训中心' }) name!: string;
  @ApiProperty({ example: '12620000MB1234567X' }) creditCode!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
}

export class EnterpriseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '兰州精密机械有限公司' }) name!: string;
  @ApiProperty({ example: '91620100MA71234567' }) creditCode!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ example: '兰州市' }) regionName!: string;
  @ApiProperty() stateOwned!: boolean;
  @ApiProperty({ description: '规模以上' }) aboveDesignatedSize!: boolean;
  @ApiProperty() production!: boolean;
  @ApiProperty({ enum: AWARD_STANDINGS }) chinaQualityAward!: AwardStanding;
  @ApiProperty({ enum: AWARD_STANDINGS }) provincialQualityAward!: AwardStanding;
  @ApiProperty({ enum: AWARD_STANDINGS }) cityQualityAward!: AwardStanding;
  @ApiProperty({ nullable: true, type: Number }) chinaQualityAwardYear!: number | null;
  @ApiProperty({ nullable: true, type: Number }) provincialQualityAwardYear!: number | null;
  @ApiProperty({ nullable: true, type: Number }) cityQualityAwardYear!: number | null;
}

export class EnterprisePageDto {
  @ApiProperty({ type: [EnterpriseDto] }) items!: EnterpriseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
