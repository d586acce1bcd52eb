import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { CERTIFICATE_KINDS, CertificateKind, CertificateView } from '@cqo/certificates';
import { COMPLIANCE_STATES } from '@cqo/credit-hours';
import { DECLARATION_ITEMS, DeclarationItem } from '@cqo/registry';
import { LOOKUP_KEY_KINDS, REGULATOR_LISTS } from '@cqo/reporting';
import { PageQueryDto } from '../common/paging.dto';
import { AppointmentDto, DeclarationDto, IsCalendarDate, YearRegionPageQueryDto } from '../registry/registry.dto';

const STATES_WITH_MISSING = [...COMPLIANCE_STATES, 'missing'];

// ---------------------------------------------------------------- requests

/**
 * A status lookup. `id_number`: the full citizen ID number (matched by keyed hash; never shown,
 * logged or stored). `name_enterprise`: the exact name and the enterprise (by id or part of its
 * name). `certificate_serial`: a certificate's serial number.
 */
export class LookupDto {
  @ApiProperty({ enum: ['id_number', 'name_enterprise', 'certificate_serial'] })
  @IsIn(['id_number', 'name_enterprise', 'certificate_serial'])
  kind!: 'id_number' | 'name_enterprise' | 'certificate_serial';

  @ApiPropertyOptional({ example: '620102198503121234' })
  // Required for its kind; checked whenever sent, so a wrong type never reaches the service.
  @ValidateIf((o: LookupDto) => o.kind === 'id_number' || o.idNumber !== undefined)
  @IsString()
  @MinLength(15)
  @MaxLength(32)
  idNumber?: string;

  @ApiPropertyOptional({ example: '张伟' })
  // Required for its kind; checked whenever sent, so a wrong type never reaches the service.
  @ValidateIf((o: LookupDto) => o.kind === 'name_enterprise' || o.fullName !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  fullName?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ example: '陇原机械' })
  // Required for its kind; checked whenever sent, so a wrong type never reaches the service.
  @ValidateIf((o: LookupDto) => (o.kind === 'name_enterprise' && !o.enterpriseId) || o.enterpriseName !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  enterpriseName?: string;

  @ApiPropertyOptional({ example: 'GS-CQO-2026-000123-K7' })
  // Required for its kind; checked whenever sent, so a wrong type never reaches the service.
  @ValidateIf((o: LookupDto) => o.kind === 'certificate_serial' || o.serial !== undefined)
  @IsString()
  @MinLength(5)
  @MaxLength(40)
  serial?: string;
}

export class FlagCreateDto {
  @ApiProperty({ example: '群众举报其在质量岗位工作中存在重大失误，正在核查' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-06-01', description: 'Default: today (CST)' })
  @IsOptional()
  @IsCalendarDate()
  flaggedOn?: string;

  @ApiPropertyOptional({
    enum: DECLARATION_ITEMS,
    nullable: true,
    description: 'The 不得担任 circumstance the flag records: while open it blocks appointments and the CQO does not count toward targets',
  })
  @IsOptional()
  @IsIn(DECLARATION_ITEMS)
  disqualifyingCircumstance?: DeclarationItem | null;
}

export class FlagClearDto {
  @ApiProperty({ example: '经核查，举报不实' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class AccessLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

class YearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year (CST)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'A region inside the caller’s (a drill-down); default the caller’s region' })
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export class DashboardQueryDto extends YearQuery {
  @ApiPropertyOptional({ example: '2021-12-31', description: 'The date (CST) the target figures are for; default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class EnterpriseListQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({
    example: 'award_holders_2021',
    description: 'Only enterprises of a target group of the notice (a code of the target table)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  target?: string;

  @ApiPropertyOptional({ description: 'With (true) or without (false) a serving CQO' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  appointed?: boolean;
}

export class ShortfallQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ example: 'continuing' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  requirement?: string;

  @ApiPropertyOptional({ enum: ['at_risk', 'shortfall'] })
  @IsOptional()
  @IsIn(['at_risk', 'shortfall'])
  state?: 'at_risk' | 'shortfall';
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ example: 2026, description: 'shortfalls (default this year), certificates' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'shortfalls, appointments' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: ['serving', 'ended', 'all'], description: 'appointments (default serving)' })
  @IsOptional()
  @IsIn(['serving', 'ended', 'all'])
  status?: 'serving' | 'ended' | 'all';

  @ApiPropertyOptional({ description: 'shortfalls' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  requirement?: string;

  @ApiPropertyOptional({ enum: ['at_risk', 'shortfall'], description: 'shortfalls' })
  @IsOptional()
  @IsIn(['at_risk', 'shortfall'])
  state?: 'at_risk' | 'shortfall';

  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS, description: 'certificates' })
  @IsOptional()
  @IsIn(CERTIFICATE_KINDS)
  kind?: CertificateKind;
}

export const EXPORT_LISTS = REGULATOR_LISTS;

export class CityReportSubmitDto {
  @ApiProperty({ example: '2026年我市推行首席质量官制度情况：……', description: '推行情况, the city’s narrative, printed in the report' })
  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  narrative!: string;
}

export class CityReportReturnDto {
  @ApiProperty({ example: '名单中缺少2家获奖企业，请核实后重新报送' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class CityReportRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A city (市州)' })
  @IsUUID()
  regionId!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class CityReportListQueryDto extends YearRegionPageQueryDto {}

// ---------------------------------------------------------------- responses

export class RequirementStatusDto {
  @ApiProperty({ example: 'continuing' }) requirement!: string;
  @ApiProperty({ example: '第一类继续教育' }) ruleName!: string;
  @ApiProperty({ enum: [1, 2] }) category!: number;
  @ApiProperty({ enum: ['appointment', 'continuing'] }) kind!: string;
  @ApiProperty({ example: '14' }) required!: string;
  @ApiProperty({ example: '9.5' }) accrued!: string;
  @ApiProperty({ example: '4.5' }) shortfall!: string;
  @ApiProperty({ enum: COMPLIANCE_STATES }) state!: string;
  @ApiProperty({ description: 'The year has closed: the state is final' }) final!: boolean;
}

export class YearStatusDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [RequirementStatusDto] }) requirements!: RequirementStatusDto[];
  @ApiProperty({ description: 'Every yearly requirement complete' }) complete!: boolean;
}

export class AppointmentTrainingDto {
  @ApiProperty({ description: 'Hours reached and a valid appointment-training certificate held' }) done!: boolean;
  @ApiProperty({ example: '21' }) hours!: string;
  @ApiProperty({ example: '21' }) requiredHours!: string;
  @ApiProperty({ nullable: true, type: String }) certificateSerial!: string | null;
  @ApiProperty({ nullable: true, enum: ['valid', 'revoked', 'superseded'] }) certificateStatus!: string | null;
}

export class CertificateSummaryDto implements Partial<CertificateView> {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GS-CQO-2026-000123-K7' }) serial!: string;
  @ApiProperty({ enum: CERTIFICATE_KINDS }) kind!: CertificateKind;
  @ApiProperty({ example: '首席质量官任职培训合格证书' }) title!: string;
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded'] }) status!: CertificateView['status'];
  @ApiProperty() year!: number;
  @ApiProperty({ type: [String] }) hours!: string[];
  @ApiProperty() issuedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason!: string | null;
}

export class FlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2026-06-01' }) flaggedOn!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) flaggedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) flaggedByName!: string | null;
  @ApiProperty() open!: boolean;
  @ApiProperty({ nullable: true, type: Date }) clearedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) clearedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) clearReason!: string | null;
  @ApiProperty() createdAt!: Date;
}

export class CqoStatusDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '620102********1234', description: 'Never the whole number' }) idNumberMasked!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiProperty() serving!: boolean;
  @ApiProperty({ type: AppointmentDto, nullable: true }) currentAppointment!: AppointmentDto | null;
  @ApiProperty({ type: [AppointmentDto], description: 'Every appointment, newest first (history)' }) appointments!: AppointmentDto[];
  @ApiProperty({ type: AppointmentTrainingDto }) appointmentTraining!: AppointmentTrainingDto;
  @ApiProperty({ type: [YearStatusDto], description: 'This year and last year' }) years!: YearStatusDto[];
  @ApiProperty({ type: [CertificateSummaryDto] }) certificates!: CertificateSummaryDto[];
  @ApiProperty({ type: [FlagDto] }) flags!: FlagDto[];
  @ApiProperty() openFlags!: number;
  @ApiProperty({ type: [DeclarationDto] }) declarations!: DeclarationDto[];
  @ApiProperty({ description: 'An appointment was made by exception' }) exceptionFlagged!: boolean;
}

export class LookupResultDto {
  @ApiProperty({ type: [CqoStatusDto] }) matches!: CqoStatusDto[];
}

export class AccessLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ example: 'regulator' }) actorRole!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null when nothing was found' }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectName!: string | null;
  @ApiProperty({ enum: LOOKUP_KEY_KINDS, description: 'The kind of key; the key itself is never recorded' }) keyKind!: string;
  @ApiProperty() resultCount!: number;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}

export class AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) items!: AccessLogEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TargetCountDto {
  @ApiProperty({ example: '2021-12-31', description: 'The date (CST) of these figures' }) date!: string;
  @ApiProperty({ description: 'Enterprises of the group on the official lists on the date' }) enterprises!: number;
  @ApiProperty({ description: 'With a CQO serving on the date, eligible (no exception) and not disqualified' }) appointed!: number;
  @ApiProperty({ description: 'With a serving CQO that does not count (exception, or disqualifying flag)' }) exceptionAppointments!: number;
  @ApiProperty({ description: 'Without a serving CQO but with one registered to start later' }) futureDated!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.8125,
    description: 'appointed / enterprises (4 decimals); null for an empty group',
  })
  rate!: number | null;
  @ApiProperty({ enum: ['met', 'not_met', 'no_target_enterprises'], description: 'An empty group is 无目标企业: never met, never 0%' })
  verdict!: string;
}

export class TargetFiguresDto extends TargetCountDto {
  @ApiProperty({ example: 'award_holders_2021' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2025-12-31' }) deadline!: string;
  @ApiProperty({ example: 1 }) targetRate!: number;
  @ApiProperty({ description: "verdict === 'met'" }) met!: boolean;
  @ApiProperty({ type: TargetCountDto, nullable: true, description: 'The figures on the deadline; null while it is ahead' })
  atDeadline!: TargetCountDto | null;
}

export class StateCountsDto {
  @ApiProperty() on_track!: number;
  @ApiProperty() at_risk!: number;
  @ApiProperty() complete!: number;
  @ApiProperty() shortfall!: number;
  @ApiProperty() not_applicable!: number;
  @ApiProperty({ description: 'No status computed yet' }) missing!: number;
}

export class RequirementStateCountsDto {
  @ApiProperty() requirement!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty({ type: StateCountsDto }) counts!: StateCountsDto;
}

export class ComplianceFiguresDto {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'CQOs serving in the year (a term overlapping it)' }) servingCqos!: number;
  @ApiProperty({ description: 'Of those, how many met every yearly requirement' }) complete!: number;
  @ApiProperty({ nullable: true, type: Number }) rate!: number | null;
  @ApiProperty({ type: [RequirementStateCountsDto] }) byRequirement!: RequirementStateCountsDto[];
}

export class RegionFiguresDto {
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ example: '620000/620100' }) regionPath!: string;
  @ApiProperty() enterprises!: number;
  @ApiProperty({ description: 'Enterprises with a serving CQO now' }) enterprisesWithCqo!: number;
  @ApiProperty({ nullable: true, type: Number }) appointmentRate!: number | null;
  @ApiProperty({ type: [TargetFiguresDto] }) targets!: TargetFiguresDto[];
  @ApiProperty() servingCqos!: number;
  @ApiProperty({ description: 'Enterprises whose serving CQO does not count (exception or disqualified)' }) exceptionAppointments!: number;
  @ApiProperty({ description: 'Enterprises with only a future-dated appointment' }) futureDatedAppointments!: number;
  @ApiProperty() openFlags!: number;
  @ApiProperty({ type: [ComplianceFiguresDto], description: 'The year asked and the one before' }) compliance!: ComplianceFiguresDto[];
}

export class RegionDashboardDto {
  @ApiProperty() year!: number;
  @ApiProperty({ example: '2026-05-01', description: 'The date of the target figures' }) asOf!: string;
  @ApiProperty({ example: '2026-05-01' }) today!: string;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When the compliance figures were computed (refreshed every five minutes; open flags are live)',
  })
  figuresAsOf!: Date | null;
  @ApiProperty({ type: RegionFiguresDto }) totals!: RegionFiguresDto;
  @ApiProperty({ type: [RegionFiguresDto], description: 'The regions directly below (the cities, for the province)' })
  children!: RegionFiguresDto[];
}

export class EnterpriseRowDto {
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) cqoTraineeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) cqoName!: string | null;
  @ApiProperty({ nullable: true, type: String }) appointedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) termEndsOn!: string | null;
  @ApiProperty() exceptionFlagged!: boolean;
  @ApiProperty({ nullable: true, enum: STATES_WITH_MISSING, description: 'complete, or the worst state of the year; null without a CQO' })
  yearState!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '4.5' }) shortfallHours!: string | null;
}

export class EnterpriseRowPageDto {
  @ApiProperty({ type: [EnterpriseRowDto] }) items!: EnterpriseRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CurrentCqoDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [YearStatusDto] }) years!: YearStatusDto[];
  @ApiProperty() openFlags!: number;
}

export class EnterpriseDrillDownDto {
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ type: [AppointmentDto] }) appointments!: AppointmentDto[];
  @ApiProperty({ type: CurrentCqoDto, nullable: true }) currentCqo!: CurrentCqoDto | null;
}

export class ShortfallRowDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '620102********1234' }) idNumberMasked!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({
    enum: ['serving', 'nominated', 'ended'],
    description: '在任 / 拟任 (a registered term not yet started) / 已离任, as of today',
  })
  appointmentState!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty() required!: string;
  @ApiProperty() accrued!: string;
  @ApiProperty() shortfall!: string;
  @ApiProperty({ enum: ['at_risk', 'shortfall'] }) state!: string;
  @ApiProperty() final!: boolean;
}

export class ShortfallPageDto {
  @ApiProperty({ type: [ShortfallRowDto] }) items!: ShortfallRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CityReportVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['submitted', 'acknowledged', 'returned', 'superseded'] }) status!:
    'submitted' | 'acknowledged' | 'returned' | 'superseded';
  @ApiProperty() narrative!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The summary figures as frozen at submission' })
  summary!: Record<string, string>;
  @ApiProperty({ format: 'uuid' }) submittedBy!: string;
  @ApiProperty({ nullable: true, type: String }) submittedByName!: string | null;
  @ApiProperty() submittedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) decidedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty() pdfSha256!: string;
  @ApiProperty() xlsxSha256!: string;
}

export class CityReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) regionId!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) status!: string;
  @ApiProperty({ description: 'Bumped on each request' }) generation!: number;
  @ApiProperty() requestedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) generatedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The summary figures, label → value' }) summary!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ nullable: true, type: String }) pdfSha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) xlsxSha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ type: [CityReportVersionDto], description: 'Submitted versions, newest first' }) versions!: CityReportVersionDto[];
}

export class CityReportPageDto {
  @ApiProperty({ type: [CityReportDto] }) items!: CityReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
