import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { EDUCATION_LEVELS, QUALITY_QUALIFICATIONS } from '@cqo/trainees';
import {
  APPOINTMENT_END_REASONS,
  DECLARATION_ITEMS,
  DeclarationItem,
  ELIGIBILITY_CODES,
  FACT_KINDS,
  FACT_STATES,
  FactKind,
  FactState,
  isCalendarDate,
  POSITION_LEVELS,
  PositionLevel,
} from '@cqo/registry';
import { APPRAISAL_RESULTS, AppraisalResult, REPORT_FILE_TYPES } from '@cqo/reporting';
import { BASE64_FILE_MAX_LENGTH, IsBase64File } from '../common/file-upload';
import { PageQueryDto } from '../common/paging.dto';

/** A calendar date YYYY-MM-DD that exists (2026-02-29 does not). */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: (v) => typeof v === 'string' && isCalendarDate(v), defaultMessage: () => '必须是有效日期（YYYY-MM-DD）' },
    },
    options,
  );
}

// ---------------------------------------------------------------- requests

/** Names the candidate: exactly one of the two. The ID number travels in the body only, never in a URL. */
export class TraineeIdentifierDto {
  @ApiPropertyOptional({ example: 'zhangwei', description: 'The trainee’s user name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({
    example: '620102198503121234',
    description: 'The full citizen ID number; matched by keyed hash, never stored or echoed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  idNumber?: string;
}

export class EligibilityCheckDto {
  @ApiProperty({ type: TraineeIdentifierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TraineeIdentifierDto)
  trainee!: TraineeIdentifierDto;
}

export class AppointmentCreateDto {
  @ApiProperty({ type: TraineeIdentifierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TraineeIdentifierDto)
  trainee!: TraineeIdentifierDto;

  @ApiProperty({ example: '副总经理兼首席质量官' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  positionTitle!: string;

  @ApiProperty({ enum: POSITION_LEVELS, description: 'below_deputy needs positionExceptionReason (small and micro enterprises)' })
  @IsIn(POSITION_LEVELS)
  positionLevel!: PositionLevel;

  @ApiPropertyOptional({ type: String, example: '小微企业，设质量负责人兼任首席质量官', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  positionExceptionReason?: string | null;

  @ApiProperty({ example: 'LZJX-CQO-2026-001', description: '聘任授权证书编号' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  authorizationCertificateNo!: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDate()
  appointedOn!: string;

  @ApiPropertyOptional({ example: 3, description: 'Default: the rule set’s term (3 years)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  termYears?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required to appoint a person who fails the eligibility check; regulators see the appointment flagged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  eligibilityExceptionReason?: string | null;
}

export class AppointmentEndDto {
  @ApiProperty({ enum: ['resignation', 'dismissal'], description: 'Term expiry is recorded by the daily job' })
  @IsIn(APPOINTMENT_END_REASONS.filter((r) => r !== 'term_expired' && r !== 'renewed'))
  reason!: 'resignation' | 'dismissal';

  @ApiPropertyOptional({ example: '2026-09-30', description: 'Default: today (CST)' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class AppointmentRenewDto {
  @ApiProperty({ example: 'CQO-AUTH-2029-001', description: 'The new term’s authorization certificate number' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  authorizationCertificateNo!: string;

  @ApiPropertyOptional({ example: 3, description: 'Default: the rule set’s term' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  termYears?: number;

  @ApiPropertyOptional({ example: '副总经理兼首席质量官' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  positionTitle?: string;
}

export class BackdateApprovalCreateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enterpriseId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  traineeId!: string;

  @ApiProperty({ example: '2026-01-15' })
  @IsCalendarDate()
  appointedOn!: string;

  @ApiProperty({ example: '企业提供了2026年1月15日的聘任文件，登记延误' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class EvidenceUploadDto {
  @ApiProperty({ example: '学位证书.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;

  @ApiProperty({ description: 'The scan, base64: PDF, JPG or PNG (by its bytes), at most 3 MB before encoding' })
  @IsBase64File()
  @MaxLength(BASE64_FILE_MAX_LENGTH)
  contentBase64!: string;
}

export class NonFilerQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ReminderDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class AppointmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['serving', 'ended'] })
  @IsOptional()
  @IsIn(['serving', 'ended'])
  status?: 'serving' | 'ended';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A region inside the regulator’s own' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ description: 'Only appointments made by exception' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  exceptionsOnly?: boolean;
}

/** One yes/no per disqualifying circumstance of the notice. */
export class DeclarationAnswersDto implements Record<DeclarationItem, boolean> {
  @ApiProperty() @IsBoolean() serious_quality_violation!: boolean;
  @ApiProperty() @IsBoolean() improper_gain!: boolean;
  @ApiProperty() @IsBoolean() abuse_of_office!: boolean;
  @ApiProperty() @IsBoolean() leaked_secrets!: boolean;
  @ApiProperty() @IsBoolean() other_harm!: boolean;
}

export class DeclarationCreateDto {
  @ApiProperty({ type: TraineeIdentifierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TraineeIdentifierDto)
  trainee!: TraineeIdentifierDto;

  @ApiProperty({ example: '2026-02-20' })
  @IsCalendarDate()
  declaredOn!: string;

  @ApiProperty({ type: DeclarationAnswersDto, description: `Items: ${DECLARATION_ITEMS.join(', ')}` })
  @IsObject()
  @ValidateNested()
  @Type(() => DeclarationAnswersDto)
  answers!: DeclarationAnswersDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ReportFileDto {
  @ApiProperty({ example: '2026年度首席质量官制度落实情况报告.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fileName!: string;

  @ApiProperty({ enum: Object.keys(REPORT_FILE_TYPES) })
  @IsIn(Object.keys(REPORT_FILE_TYPES))
  contentType!: string;

  @ApiProperty({ description: 'The file, base64 (at most 3 MB before encoding)' })
  @IsBase64File()
  @MaxLength(BASE64_FILE_MAX_LENGTH)
  contentBase64!: string;
}

export class EnterpriseReportCreateDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: 'A CQO was in post during the year' })
  @IsBoolean()
  cqoInPlace!: boolean;

  @ApiProperty({ description: '已建立首席质量官任职绩效考核制度和实施细则' })
  @IsBoolean()
  appraisalSystemEstablished!: boolean;

  @ApiProperty({ enum: APPRAISAL_RESULTS })
  @IsIn(APPRAISAL_RESULTS)
  appraisalResult!: AppraisalResult;

  @ApiProperty({ example: 0, description: '重特大质量安全事故 in the year' })
  @IsInt()
  @Min(0)
  @Max(1000)
  majorQualityIncidents!: number;

  @ApiProperty({ example: '本年度首席质量官履职情况……' })
  @IsString()
  @MinLength(10)
  @MaxLength(20_000)
  summary!: string;

  @ApiProperty({ type: ReportFileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportFileDto)
  file!: ReportFileDto;
}

/** A page of yearly reports, optionally of one year and one region. */
export class YearRegionPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class ReportListQueryDto extends YearRegionPageQueryDto {
  @ApiPropertyOptional({ enum: ['filed', 'acknowledged'] })
  @IsOptional()
  @IsIn(['filed', 'acknowledged'])
  status?: 'filed' | 'acknowledged';

  @ApiPropertyOptional({ description: 'Only reports whose declared cqoInPlace disagrees (true) or agrees (false) with the registry' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  mismatch?: boolean;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '已收悉' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

// ---------------------------------------------------------------- responses

export class EligibilityConditionDto {
  @ApiProperty({ enum: ELIGIBILITY_CODES })
  code!: string;
  @ApiProperty()
  met!: boolean;
  @ApiProperty({ example: '从事质量管理工作5年以上' })
  requirement!: string;
  @ApiProperty({ example: '3年' })
  actual!: string;
  @ApiProperty({ nullable: true, type: String, example: '从事质量管理工作不满5年' })
  message!: string | null;
}

export class EligibilityResultDto {
  @ApiProperty()
  eligible!: boolean;
  @ApiProperty({ format: 'uuid', description: 'The eligibility rule set that judged' })
  ruleSetId!: string;
  @ApiProperty({ example: '2026-05-01' })
  checkedOn!: string;
  @ApiProperty({ type: [EligibilityConditionDto] })
  conditions!: EligibilityConditionDto[];
  @ApiProperty({ enum: ELIGIBILITY_CODES, isArray: true })
  failures!: string[];
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' })
  traineeId!: string;
  @ApiProperty({ example: '张伟' })
  fullName!: string;
  @ApiProperty({ example: '620102********1234' })
  idNumberMasked!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  enterpriseName!: string | null;
}

export class AppointmentObstacleDto {
  @ApiProperty({ example: 'TRAINEE_ALREADY_SERVING' }) code!: string;
  @ApiProperty({ example: '该人员正在其他企业担任首席质量官，须待原企业登记其离任后才能聘任' }) message!: string;
}

export class EligibilityAnswerDto {
  @ApiProperty({ type: CandidateDto })
  candidate!: CandidateDto;
  @ApiProperty({ type: EligibilityResultDto })
  result!: EligibilityResultDto;
  @ApiProperty({
    type: [AppointmentObstacleDto],
    description: 'What would refuse the appointment whatever the form says; empty when nothing does',
  })
  obstacles!: AppointmentObstacleDto[];
}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty({ example: '兰州市' }) regionName!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '620102********1234' }) idNumberMasked!: string;
  @ApiProperty() positionTitle!: string;
  @ApiProperty({ enum: POSITION_LEVELS }) positionLevel!: string;
  @ApiProperty({ example: '副总经理（副总裁）' }) positionLevelLabel!: string;
  @ApiProperty({ nullable: true, type: String }) positionExceptionReason!: string | null;
  @ApiProperty({ description: '聘任授权证书编号' }) authorizationCertificateNo!: string;
  @ApiProperty({ example: '2026-03-01' }) appointedOn!: string;
  @ApiProperty({ example: 3 }) termYears!: number;
  @ApiProperty({ example: '2029-02-28', description: 'Last day of the term' }) termEndsOn!: string;
  @ApiProperty({ enum: ['serving', 'ended'] }) status!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: EligibilityResultDto, description: 'The check at the time of appointment' }) eligibility!: EligibilityResultDto;
  @ApiProperty({ nullable: true, type: String }) eligibilityExceptionReason!: string | null;
  @ApiProperty({ description: 'Appointed by exception (ineligible, or below deputy general manager): regulators see it flagged' })
  exceptionFlagged!: boolean;
  @ApiProperty({
    enum: ['serving', 'future', 'ended', 'expired_unrenewed', 'renewed'],
    description: 'Where the term stands today: an expired term nobody renewed shows as such',
  })
  termState!: 'serving' | 'future' | 'ended' | 'expired_unrenewed' | 'renewed';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The appointment this one renews' }) renewalOf!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) backdateApprovalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ nullable: true, enum: APPOINTMENT_END_REASONS }) endReason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '任期届满' }) endReasonLabel!: string | null;
  @ApiProperty({ nullable: true, type: String }) endNote!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class AppointmentPageDto {
  @ApiProperty({ type: [AppointmentDto] }) items!: AppointmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class DeclarationItemDto {
  @ApiProperty({ enum: DECLARATION_ITEMS }) item!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'The candidate declares the circumstance applies' }) applies!: boolean;
}

export class DeclarationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ example: '2026-02-20' }) declaredOn!: string;
  @ApiProperty({ type: [DeclarationItemDto] }) items!: DeclarationItemDto[];
  @ApiProperty() anyDisqualifying!: boolean;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class EligibilityRuleSetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2021-01-01' }) effectiveFrom!: string;
  @ApiProperty({ example: '5' }) minQualityWorkYears!: string;
  @ApiProperty({ enum: EDUCATION_LEVELS }) minEducationLevel!: string;
  @ApiProperty({ enum: QUALITY_QUALIFICATIONS }) minQualityQualification!: string;
  @ApiProperty() acceptRelatedSeniorTitle!: boolean;
  @ApiProperty() requireAppointmentCertificate!: boolean;
  @ApiProperty({ example: 3 }) defaultTermYears!: number;
  @ApiProperty({ type: [Number], example: [90, 30] }) reminderDaysBefore!: number[];
}

export class EnterpriseReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() year!: number;
  @ApiProperty() cqoInPlace!: boolean;
  @ApiProperty() appraisalSystemEstablished!: boolean;
  @ApiProperty({ enum: APPRAISAL_RESULTS }) appraisalResult!: string;
  @ApiProperty({ example: '称职' }) appraisalResultLabel!: string;
  @ApiProperty() majorQualityIncidents!: number;
  @ApiProperty() summary!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileContentType!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ enum: ['filed', 'acknowledged'] }) status!: string;
  @ApiProperty() filedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgementNote!: string | null;
  @ApiProperty({ example: '2027-03-31', description: 'The filing deadline of the year' }) dueOn!: string;
  @ApiProperty() filedLate!: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the registry had a serving CQO when the report was filed' })
  registryCqoInPlace!: boolean | null;
  @ApiProperty({ description: 'The report says otherwise than the registry about the CQO being in place' }) cqoMismatch!: boolean;
}

export class EnterpriseReportPageDto {
  @ApiProperty({ type: [EnterpriseReportDto] }) items!: EnterpriseReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class NonFilerDto {
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '91620100MA71234567' }) creditCode!: string;
  @ApiProperty({ example: '兰州市' }) regionName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '2027-03-31' }) dueOn!: string;
  @ApiProperty({ description: 'The deadline has passed' }) overdue!: boolean;
}

export class NonFilerPageDto {
  @ApiProperty({ type: [NonFilerDto] }) items!: NonFilerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RemindersSentDto {
  @ApiProperty({ description: 'Enterprises reminded' }) enterprises!: number;
  @ApiProperty({ description: 'Enterprise admins notified' }) notified!: number;
}

export class FactEvidenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The value the evidence supports' }) value!: string;
  @ApiProperty({ description: 'The evidence supports an older profile value: the current value is only self-declared' }) stale!: boolean;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) fileContentType!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty() fileSha256!: string;
  @ApiProperty() declaredAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) confirmedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) verifiedAt!: Date | null;
}

/** One eligibility fact of a trainee, with the latest evidence and how far it was checked. */
export class TraineeFactDto {
  @ApiProperty({ enum: FACT_KINDS }) fact!: FactKind;
  @ApiProperty({ example: '学历' }) label!: string;
  @ApiProperty({ description: 'The value on the profile now' }) value!: string;
  @ApiProperty({ enum: FACT_STATES, description: 'self_declared when no evidence supports the current value, or none was checked' })
  state!: FactState;
  @ApiProperty({ example: '市级核验' }) stateLabel!: string;
  @ApiProperty({ nullable: true, type: FactEvidenceDto, description: 'The latest evidence (null: none uploaded)' })
  evidence!: FactEvidenceDto | null;
}

export class BackdateApprovalCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
