import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Actor, Page, pageOf, Role } from '@cqo/core';
import { EnterpriseNominationsService, NominationReport, StaffEnrollmentView } from '@cqo/courses';
import { ComplianceQueries, ComplianceStatusView } from '@cqo/credit-hours';
import { EmployeeView, TraineesService } from '@cqo/trainees';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageDtoOf } from '../common/page.dto';
import { PageQueryDto } from '../common/paging.dto';
import { ComplianceStatusDto } from '../credit-hours/credit-hours.dto';
import { StaffEnrollmentDto } from '../courses/enrollment-responses.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** At most this many people per nomination: one screen of choices, one short transaction. */
export const MAX_NOMINATIONS = 200;

export class NominationDto {
  @ApiProperty({ format: 'uuid', description: 'The published course version (offering)' })
  @IsUUID()
  courseVersionId!: string;

  @ApiProperty({ type: [String], description: `Confirmed employees to enrol, in order of priority (1–${MAX_NOMINATIONS}, no repeats)` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NOMINATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

class NominationRowDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) fullName!: string | null;
  @ApiProperty({ nullable: true, type: String }) idNumberMasked!: string | null;
  @ApiProperty({ enum: ['enrolled', 'already_enrolled', 'capacity_full', 'not_staff', 'not_eligible'] }) outcome!: string;
  @ApiProperty() reason!: string;
}

class NominationSummaryDto {
  @ApiProperty() requested!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() alreadyEnrolled!: number;
  @ApiProperty() notEnrolled!: number;
  @ApiProperty({ nullable: true, type: Number }) seatsLeft!: number | null;
}

export class NominationReportDto {
  @ApiProperty() courseVersionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: NominationSummaryDto }) summary!: NominationSummaryDto;
  @ApiProperty({ type: [NominationRowDto] }) rows!: NominationRowDto[];
}

export class StaffProgressQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year of the hour requirements (CST); default the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
}

export interface StaffProgressRow {
  userId: string;
  fullName: string;
  idNumberMasked: string;
  enrollments: StaffEnrollmentView[];
  /** Hours against each requirement, as the compliance engine judged them. */
  statuses: ComplianceStatusView[];
}

/** A confirmed employee as the enterprise admin sees them (masked). */
export class EmployeeDto implements EmployeeView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '620102********1234' }) idNumberMasked!: string;
  @ApiProperty({ nullable: true, type: Date }) linkedAt!: Date | null;
}

export class EmployeePageDto extends PageDtoOf(EmployeeDto) {}

export class StaffProgressRowDto implements StaffProgressRow {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '620102********1234' }) idNumberMasked!: string;
  @ApiProperty({ type: [StaffEnrollmentDto] }) enrollments!: StaffEnrollmentDto[];
  @ApiProperty({ type: [ComplianceStatusDto], description: 'Hours against each requirement, as the compliance engine judged them' })
  statuses!: ComplianceStatusDto[];
}

export class StaffProgressPageDto extends PageDtoOf(StaffProgressRowDto) {}

/**
 * The enterprise admin's staff work: nominate confirmed employees for a course (with a report of
 * who could not be enrolled and why) and follow each one's enrolments and hours. Only the admin of
 * the enterprise in the path; everyone else is refused (403).
 */
@ApiTags('enterprise staff 企业员工')
@Controller('enterprises/:id')
@Access(Role.EnterpriseAdmin)
export class EnterpriseStaffController {
  constructor(
    private readonly nominations: EnterpriseNominationsService,
    private readonly trainees: TraineesService,
    private readonly compliance: ComplianceQueries,
  ) {}

  @Post('nominations')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationReportDto })
  @ApiErrors(400, 404, 409)
  nominate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: NominationDto): Promise<NominationReport> {
    return this.nominations.nominate(actor, id, dto.courseVersionId, dto.userIds);
  }

  /** The confirmed employees, by name (masked ID numbers): the people a nomination may name. */
  @Get('staff')
  @ApiOkResponse({ type: EmployeePageDto })
  @ApiErrors(400, 404)
  async staff(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<EmployeeView>> {
    const staff = await this.trainees.employees(actor, id, query);
    return pageOf(staff.items, staff.total, query);
  }

  /** Each confirmed employee with their enrolments and their hours against the year's requirements. */
  @Get('staff-progress')
  @ApiOkResponse({ type: StaffProgressPageDto })
  @ApiErrors(400, 404)
  async progress(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: StaffProgressQueryDto,
  ): Promise<Page<StaffProgressRow>> {
    const staff = await this.trainees.employees(actor, id, query);
    const enrollments = await this.nominations.enrollmentsOfStaff(
      actor,
      id,
      staff.items.map((s) => s.userId),
    );
    const rows: StaffProgressRow[] = [];
    for (const s of staff.items) {
      const statuses = await this.compliance.statusesOf(actor, s.userId, { year: query.year });
      rows.push({
        userId: s.userId,
        fullName: s.fullName,
        idNumberMasked: s.idNumberMasked,
        enrollments: enrollments.get(s.userId) ?? [],
        statuses,
      });
    }
    return pageOf(rows, staff.total, query);
  }
}
