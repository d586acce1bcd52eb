import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { EnrollmentDetailView, EnrollmentsService, EnrollmentView, RosterEntryView, RosterImportService, RosterReport } from '@cqo/courses';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EnrollmentDetailDto, EnrollmentDto, EnrollmentPageDto, RosterEntryPageDto, RosterReportDto } from './enrollment-responses.dto';
import { CsvUploadDto, EnrollDto, ListEnrollmentsQueryDto } from './enrollments.dto';

@ApiTags('enrollments 报名')
@Controller()
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly rosters: RosterImportService,
  ) {}

  @Post('me/enrollments')
  @Access(Role.Trainee)
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiErrors(400, 409)
  enroll(@CurrentActor() actor: Actor, @Body() dto: EnrollDto): Promise<EnrollmentView> {
    return this.enrollments.enroll(actor, dto.courseVersionId);
  }

  @Get('me/enrollments')
  @Access(Role.Trainee)
  @ApiOkResponse({ type: EnrollmentPageDto })
  @ApiErrors(400)
  listOwn(@CurrentActor() actor: Actor, @Query() query: ListEnrollmentsQueryDto): Promise<Page<EnrollmentView>> {
    return this.enrollments.listOwn(actor, query, query.status);
  }

  @Post('me/enrollments/:enrollmentId/withdraw')
  @HttpCode(200)
  @Access(Role.Trainee)
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @Param('enrollmentId', ParseIdPipe) enrollmentId: string): Promise<EnrollmentView> {
    return this.enrollments.withdraw(actor, enrollmentId);
  }

  /** One enrolment with per-lesson progress: its trainee, or staff overseeing the course's organization. */
  @Get('enrollments/:enrollmentId')
  @Access(Role.Trainee, Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: EnrollmentDetailDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('enrollmentId', ParseIdPipe) enrollmentId: string): Promise<EnrollmentDetailView> {
    return this.enrollments.getVisible(actor, enrollmentId);
  }

  @Get('course-versions/:versionId/enrollments')
  @Access(Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: RosterEntryPageDto })
  @ApiErrors(400, 404)
  roster(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Query() query: ListEnrollmentsQueryDto,
  ): Promise<Page<RosterEntryView>> {
    return this.enrollments.listForVersion(actor, versionId, query, query.status);
  }

  /** Enrols a roster from CSV; answers with a report per row. */
  @Post('course-versions/:versionId/enrollments/roster')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: RosterReportDto })
  @ApiErrors(400, 404, 409)
  importRoster(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Body() dto: CsvUploadDto,
  ): Promise<RosterReport> {
    return this.rosters.importEnrollments(actor, versionId, dto.csv, dto.mode ?? 'valid-rows');
  }
}
