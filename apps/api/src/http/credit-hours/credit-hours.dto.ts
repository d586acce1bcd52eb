import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  COMPLIANCE_STATES,
  ComplianceState,
  CREDIT_KINDS,
  CreditCategory,
  CreditKind,
  REQUIREMENT_APPLIES_TO,
  REQUIREMENT_PERIODS,
  RequirementAppliesTo,
  RequirementPeriod,
  CREDIT_SOURCES,
  CreditSource,
} from '@cqo/credit-hours';
import { Role } from '@cqo/core';
import { PageQueryDto } from '../common/paging.dto';

const HOURS = /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/;
const HOURS_MESSAGE = '必须是小数文本，最多两位小数，如 "2.5"';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '必须是日期（YYYY-MM-DD）';

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year in China Standard Time' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
}

export class EntriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
}

export class AdjustmentDto {
  @ApiProperty({ format: 'uuid', description: 'The trainee (user id)' })
  @IsUUID()
  traineeId!: string;

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  category!: CreditCategory;

  @ApiProperty({ enum: CREDIT_KINDS, description: 'Category-2 hours are always continuing' })
  @IsIn(CREDIT_KINDS)
  kind!: CreditKind;

  @ApiProperty({ example: '2.5', description: 'Positive exact decimal as text (at most 200)' })
  @IsString()
  @Matches(HOURS, { message: HOURS_MESSAGE })
  hours!: string;

  @ApiProperty({ example: '2026-05-20', description: 'Day the hours were earned (CST); decides the year' })
  @IsString()
  @Matches(DATE, { message: DATE_MESSAGE })
  occurredOn!: string;

  @ApiProperty({ example: '补录线下培训学时（签到表编号 2026-017）' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ example: '签到表 2026-017' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidenceRef?: string;
}

export class ReversalDto {
  @ApiProperty({ example: '培训机构撤销该课程的结业认定' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  traineeId?: string;
}

export class EnterpriseComplianceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the open year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;

  @ApiPropertyOptional({ example: 'continuing', description: 'Requirement code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  requirement?: string;

  @ApiPropertyOptional({ enum: COMPLIANCE_STATES })
  @IsOptional()
  @IsIn(COMPLIANCE_STATES)
  state?: ComplianceState;
}

export class ComplianceListQueryDto extends EnterpriseComplianceQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Trainees of enterprises in this region or below' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class RuleSetListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class RuleDto {
  @ApiProperty({ example: 'continuing', description: 'Names the requirement across rule sets' })
  @IsString()
  code!: string;

  @ApiProperty({ example: '第一类继续教育' })
  @IsString()
  name!: string;

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  category!: CreditCategory;

  @ApiProperty({ enum: CREDIT_KINDS })
  @IsIn(CREDIT_KINDS)
  kind!: CreditKind;

  @ApiProperty({ example: '14' })
  @IsString()
  @Matches(HOURS, { message: HOURS_MESSAGE })
  minHours!: string;

  @ApiProperty({ enum: REQUIREMENT_PERIODS })
  @IsIn(REQUIREMENT_PERIODS)
  period!: RequirementPeriod;

  @ApiPropertyOptional({ default: false, description: 'Whether appointment hours count toward this yearly requirement' })
  @IsOptional()
  @IsBoolean()
  countAppointmentHours?: boolean;

  @ApiPropertyOptional({ example: '1', description: 'At risk when accrued < threshold × required × share of year elapsed' })
  @IsOptional()
  @IsString()
  atRiskThreshold?: string;

  @ApiProperty({ enum: REQUIREMENT_APPLIES_TO })
  @IsIn(REQUIREMENT_APPLIES_TO)
  appliesTo!: RequirementAppliesTo;
}

export class RuleSetDto {
  @ApiProperty({ example: '甘肃省首席质量官学时要求（2027年修订）' })
  @IsString()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId!: string;

  @ApiProperty({
    example: 2027,
    description: 'First calendar year (CST) the set governs: next year or later, or this year with applyToCurrentYear and reason',
  })
  @IsInt()
  firstYear!: number;

  @ApiPropertyOptional({ default: false, description: 'Apply the set to the year already in progress (audited with reason)' })
  @IsOptional()
  @IsBoolean()
  applyToCurrentYear?: boolean;

  @ApiPropertyOptional({ description: 'Why the year in progress changes rules (required with applyToCurrentYear)' })
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ example: 45, description: 'Minutes in one 学时 (default 45)' })
  @IsOptional()
  @IsInt()
  minutesPerCreditHour?: number;

  @ApiPropertyOptional({ example: ['10-01', '12-01', '12-24'], description: "Reminder days ('MM-DD', CST)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  reminderDates?: string[];

  @ApiProperty({ type: [RuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  rules!: RuleDto[];
}

// ---------------------------------------------------------------- responses

const CATEGORY = { enum: [1, 2], description: '1 appointment/professional, 2 general (一类/二类)' } as const;

export class AccruedHoursDto {
  @ApiProperty() year!: number;
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ example: '20.5', description: 'Exact decimal text' }) hours!: string;
}

export class HoursYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [AccruedHoursDto] }) totals!: AccruedHoursDto[];
}

export class HoursSummaryDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ example: '21.0', description: 'Appointment-training hours over all years' }) appointmentHours!: string;
  @ApiProperty({ type: [HoursYearDto] }) years!: HoursYearDto[];
}

export class CreditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() year!: number;
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ example: '2.5' }) hours!: string;
  @ApiProperty({ enum: CREDIT_SOURCES }) source!: CreditSource;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) courseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) courseVersionId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) enrollmentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceRef!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reversesEntryId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The reversal that cancelled this entry, if any' })
  reversedByEntryId!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class CreditEntryPageDto {
  @ApiProperty({ type: [CreditEntryDto] }) items!: CreditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LedgerEntryCreatedDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() year!: number;
}

export class CreditAuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['adjustment', 'reversal'] }) action!: 'adjustment' | 'reversal';
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty({ enum: Role }) actorRole!: Role;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() hours!: string;
  @ApiProperty() year!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: Date;
}

export class CreditAuditPageDto {
  @ApiProperty({ type: [CreditAuditEntryDto] }) items!: CreditAuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ComplianceStatusDto {
  @ApiProperty({ example: 'continuing_annual' }) requirement!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ enum: REQUIREMENT_PERIODS }) period!: RequirementPeriod;
  @ApiProperty({ description: 'The calendar year, or 0 for a `once` requirement' }) periodYear!: number;
  @ApiProperty({ format: 'uuid' }) ruleSetId!: string;
  @ApiProperty({ example: '40.0' }) required!: string;
  @ApiProperty({ example: '12.5' }) accrued!: string;
  @ApiProperty({ example: '27.5' }) shortfall!: string;
  @ApiProperty({ enum: COMPLIANCE_STATES }) state!: ComplianceState;
  @ApiProperty({ description: 'The period is closed: the state no longer changes' }) final!: boolean;
  @ApiProperty() updatedAt!: Date;
}

export class ComplianceFlagDto {
  @ApiProperty() requirement!: string;
  @ApiProperty() periodYear!: number;
  @ApiProperty() state!: string;
  @ApiProperty() raisedState!: string;
  @ApiProperty() raisedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) clearedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) clearedState!: string | null;
}

export class ComplianceOverviewDto {
  @ApiProperty({ type: [ComplianceStatusDto] }) statuses!: ComplianceStatusDto[];
  @ApiProperty({ type: [ComplianceFlagDto] }) flags!: ComplianceFlagDto[];
}

export class TraineeComplianceRowDto extends ComplianceStatusDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
}

export class TraineeCompliancePageDto {
  @ApiProperty({ type: [TraineeComplianceRowDto] }) items!: TraineeComplianceRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RuleViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ example: '40.0' }) minHours!: string;
  @ApiProperty({ enum: REQUIREMENT_PERIODS }) period!: RequirementPeriod;
  @ApiProperty() countAppointmentHours!: boolean;
  @ApiProperty({ example: '0.5' }) atRiskThreshold!: string;
  @ApiProperty({ enum: REQUIREMENT_APPLIES_TO }) appliesTo!: RequirementAppliesTo;
}

export class RuleSetViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ description: 'The first calendar year the set governs' }) firstYear!: number;
  @ApiProperty() minutesPerCreditHour!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the admin applied the set to the year in progress: their reason' })
  currentYearReason!: string | null;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ type: [String], example: ['2026-06-30', '2026-10-31'] }) reminderDates!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [RuleViewDto] }) rules!: RuleViewDto[];
}

export class CatalogFilterDto {
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
}

export class RequirementOutlookDto {
  @ApiProperty() requirement!: string;
  @ApiProperty() name!: string;
  @ApiProperty(CATEGORY) category!: CreditCategory;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: CreditKind;
  @ApiProperty({ enum: REQUIREMENT_PERIODS }) period!: RequirementPeriod;
  @ApiProperty() required!: string;
  @ApiProperty() accrued!: string;
  @ApiProperty() shortfall!: string;
  @ApiProperty({ enum: COMPLIANCE_STATES }) state!: ComplianceState;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Required × the share of the year elapsed (CST); the required hours once closed; null for `once`',
  })
  expectedByNow!: string | null;
  @ApiProperty({ description: 'Hours of enrolled, unfinished courses of this category and kind' }) enrolledUnfinishedHours!: string;
  @ApiProperty({ type: CatalogFilterDto, description: 'The catalog filter listing courses that count toward this requirement' })
  catalog!: CatalogFilterDto;
}

export class HoursOutlookDto {
  @ApiProperty() year!: number;
  @ApiProperty({ example: '2026-12-31' }) deadline!: string;
  @ApiProperty({ description: 'Calendar days from today (CST) to 31 December, today included; 0 once closed' }) daysLeft!: number;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: [RequirementOutlookDto] }) requirements!: RequirementOutlookDto[];
}
