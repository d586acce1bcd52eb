import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Page, Role } from '@cqo/core';
import { CatalogRepository, CoursesService, CourseVersionSummary, CourseVersionView, TopicView } from '@cqo/courses';
import { Access, AnySignedIn, CurrentActor } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApproveDto, CatalogQueryDto, CourseContentDto, ListCoursesQueryDto, SendBackDto, TopicDto, UpdateCourseDto } from './courses.dto';
import { CourseVersionDto, CourseVersionPageDto, CourseVersionSummaryDto } from './course-responses.dto';

@ApiTags('courses 课程')
@Controller()
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly catalog: CatalogRepository,
  ) {}

  /** The seventeen topics of the two categories. */
  @Get('topics')
  @AnySignedIn()
  @ApiOkResponse({ type: [TopicDto] })
  topics(): Promise<TopicView[]> {
    return this.courses.topics();
  }

  /** The catalog of published courses, newest first. */
  @Get('catalog')
  @AnySignedIn()
  @ApiOkResponse({ type: CourseVersionPageDto })
  @ApiErrors(400)
  search(@Query() query: CatalogQueryDto): Promise<Page<CourseVersionSummary>> {
    const { page, pageSize, ...filter } = query;
    return this.catalog.search(filter, { page, pageSize });
  }

  /** An org admin creates a course; it starts as a draft (version 1). */
  @Post('courses')
  @Access(Role.OrgAdmin)
  @ApiCreatedResponse({ type: CourseVersionDto })
  @ApiErrors(400)
  create(@CurrentActor() actor: Actor, @Body() dto: CourseContentDto): Promise<CourseVersionView> {
    return this.courses.create(actor, dto);
  }

  /** Courses for staff (latest version of each; with `status`, every version in that status, e.g. the review queue). */
  @Get('courses')
  @Access(Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: CourseVersionPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListCoursesQueryDto): Promise<Page<CourseVersionSummary>> {
    const { page, pageSize, ...filter } = query;
    return this.courses.listForStaff(actor, filter, { page, pageSize });
  }

  @Get('courses/:courseId/versions')
  @Access(Role.OrgAdmin, Role.Regulator, Role.PlatformAdmin)
  @ApiOkResponse({ type: [CourseVersionSummaryDto] })
  @ApiErrors(400, 404)
  versions(@CurrentActor() actor: Actor, @Param('courseId', ParseIdPipe) courseId: string): Promise<CourseVersionSummary[]> {
    return this.courses.listVersions(actor, courseId);
  }

  /** A new draft version from the latest one, with the changes given (enrolments keep their version). */
  @Post('courses/:courseId/versions')
  @Access(Role.OrgAdmin)
  @ApiCreatedResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  newVersion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIdPipe) courseId: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseVersionView> {
    return this.courses.newVersion(actor, courseId, dto);
  }

  @Get('course-versions/:versionId')
  @AnySignedIn()
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('versionId', ParseIdPipe) versionId: string): Promise<CourseVersionView> {
    return this.courses.getVersion(actor, versionId);
  }

  @Patch('course-versions/:versionId')
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseVersionView> {
    return this.courses.updateVersion(actor, versionId, dto);
  }

  @Post('course-versions/:versionId/submit')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  submit(@CurrentActor() actor: Actor, @Param('versionId', ParseIdPipe) versionId: string): Promise<CourseVersionView> {
    return this.courses.submit(actor, versionId);
  }

  @Post('course-versions/:versionId/approve')
  @HttpCode(200)
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  approve(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Body() dto: ApproveDto,
  ): Promise<CourseVersionView> {
    return this.courses.approve(actor, versionId, dto.approvalNumber);
  }

  @Post('course-versions/:versionId/return')
  @HttpCode(200)
  @Access(Role.PlatformAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  sendBack(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Body() dto: SendBackDto,
  ): Promise<CourseVersionView> {
    return this.courses.sendBack(actor, versionId, dto.reason);
  }

  @Post('course-versions/:versionId/publish')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  publish(@CurrentActor() actor: Actor, @Param('versionId', ParseIdPipe) versionId: string): Promise<CourseVersionView> {
    return this.courses.publish(actor, versionId);
  }

  @Post('course-versions/:versionId/archive')
  @HttpCode(200)
  @Access(Role.OrgAdmin, Role.PlatformAdmin)
  @ApiOkResponse({ type: CourseVersionDto })
  @ApiErrors(400, 404, 409)
  archive(@CurrentActor() actor: Actor, @Param('versionId', ParseIdPipe) versionId: string): Promise<CourseVersionView> {
    return this.courses.archive(actor, versionId);
  }
}
