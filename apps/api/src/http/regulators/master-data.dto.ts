import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AWARD_STANDINGS, AwardStanding, IMPORT_MAX_BYTES } from '@cqo/organizations';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { BASE64_FILE_MAX_LENGTH, IsBase64File } from '../common/file-upload';
import { PageQueryDto } from '../common/paging.dto';
import { CorrectionChangesDto } from '../organizations/organizations.dto';
import { IsCalendarDate } from '../registry/registry.dto';

export class EnterpriseImportCreateDto {
  @ApiProperty({ example: '兰州市2021年规模以上工业企业名录.xlsx' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;

  @ApiProperty({ enum: ['xlsx', 'csv'] })
  @IsIn(['xlsx', 'csv'])
  format!: 'xlsx' | 'csv';

  @ApiProperty({
    description: `The official list, base64 (at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB before encoding). Columns: 统一社会信用代码, 企业名称, 所属地区, 国有企业, 规模以上, 生产性企业, 中国质量奖, 中国质量奖年度, 甘肃省人民政府质量奖, 甘肃省人民政府质量奖年度, 市州政府质量奖, 市州政府质量奖年度`,
  })
  @IsBase64File()
  @MaxLength(BASE64_FILE_MAX_LENGTH)
  contentBase64!: string;

  @ApiPropertyOptional({
    example: '2021-01-01',
    description: 'The date the list speaks for (the versions it creates hold from it); default today',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string;
}

export class CorrectionCreateDto {
  @ApiProperty({ type: CorrectionChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CorrectionChangesDto)
  changes!: CorrectionChangesDto;

  @ApiProperty({ example: '我公司2020年获甘肃省人民政府质量奖提名，名录漏登' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class CorrectionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({ example: '经核对获奖文件，情况属实' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CorrectionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: 'pending' | 'approved' | 'rejected';
}

// ---------------------------------------------------------------- responses

export class EnterpriseImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026年企业名录.xlsx' }) fileName!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: 'csv' | 'xlsx';
  @ApiProperty({ example: '2026-01-01' }) effectiveOn!: string;
  @ApiProperty({ enum: ['previewed', 'applied', 'discarded'] }) status!: 'previewed' | 'applied' | 'discarded';
  @ApiProperty() totalRows!: number;
  @ApiProperty() errorRows!: number;
  @ApiProperty({ description: 'What applying would do (preview) or did (applied)' }) toCreate!: number;
  @ApiProperty() toUpdate!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) appliedAt!: Date | null;
}

export class EnterpriseImportPageDto {
  @ApiProperty({ type: [EnterpriseImportDto] }) items!: EnterpriseImportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ImportErrorRowDto {
  @ApiProperty({ example: 12 }) row!: number;
  @ApiProperty({ example: '统一社会信用代码' }) column!: string;
  @ApiProperty() message!: string;
}

export class ImportErrorPageDto {
  @ApiProperty({ type: [ImportErrorRowDto] }) items!: ImportErrorRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CorrectionViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ type: CorrectionChangesDto, description: 'The fields to change and their new values' }) changes!: CorrectionChangesDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: 'pending' | 'approved' | 'rejected';
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) decidedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
}

export class CorrectionPageDto {
  @ApiProperty({ type: [CorrectionViewDto] }) items!: CorrectionViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** One version of an enterprise's master data: the facts from `effectiveOn`, and where they came from. */
export class MasterVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty() stateOwned!: boolean;
  @ApiProperty() aboveDesignatedSize!: boolean;
  @ApiProperty() production!: boolean;
  @ApiProperty({ enum: AWARD_STANDINGS }) chinaQualityAward!: AwardStanding;
  @ApiProperty({ nullable: true, type: Number }) chinaQualityAwardYear!: number | null;
  @ApiProperty({ enum: AWARD_STANDINGS }) provincialQualityAward!: AwardStanding;
  @ApiProperty({ nullable: true, type: Number }) provincialQualityAwardYear!: number | null;
  @ApiProperty({ enum: AWARD_STANDINGS }) cityQualityAward!: AwardStanding;
  @ApiProperty({ nullable: true, type: Number }) cityQualityAwardYear!: number | null;
  @ApiProperty({ example: '2026-01-01' }) effectiveOn!: string;
  @ApiProperty({ type: [String] }) changedFields!: string[];
  @ApiProperty({ enum: ['import', 'correction', 'admin', 'initial'] }) source!: 'import' | 'correction' | 'admin' | 'initial';
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceFile!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) changedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) changedByName!: string | null;
  @ApiProperty() recordedAt!: Date;
}
