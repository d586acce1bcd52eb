import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Role } from '@cqo/core';
import {
  Cmi5LaunchView,
  Cmi5Service,
  ContentErrors,
  ContentPackagesService,
  ContentPackageView,
  PACKAGE_MAX_BYTES,
  PackageStandard,
  WAIVE_REASONS,
  WaiveReason,
} from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { BASE64_FILE_MAX_LENGTH, FileUpload, IsBase64File } from '../common/file-upload';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCredentialPath, ApiErrors, ApiFileResponse } from '../common/api-responses';

export class ImportPackageDto {
  @ApiProperty({ description: 'The zip file name as uploaded' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fileName!: string;

  @ApiProperty({ description: 'The cmi5 package (zip with cmi5.xml at its root), base64, at most 3 MB' })
  @IsBase64File()
  @MaxLength(BASE64_FILE_MAX_LENGTH)
  contentBase64!: string;
}

export class Cmi5WaiveDto {
  @ApiProperty({ description: 'The AU to waive (its id in cmi5.xml)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  auId!: string;

  @ApiProperty({ enum: WAIVE_REASONS })
  @IsIn(WAIVE_REASONS)
  reason!: WaiveReason;
}

class Cmi5AuDto {
  @ApiProperty({ description: 'The AU id in cmi5.xml' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Path inside the package (relative), with its query string if any' }) url!: string;
  @ApiProperty({ enum: ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] })
  moveOn!: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
  @ApiProperty({ type: Number, nullable: true, description: '0–1, or null when the AU has none' }) masteryScore!: number | null;
  @ApiProperty({ type: String, nullable: true }) launchParameters!: string | null;
}

class Cmi5CourseDto {
  @ApiProperty({ description: 'The course id in cmi5.xml' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [Cmi5AuDto] }) aus!: Cmi5AuDto[];
}

class ScormControlModeDto {
  @ApiProperty() choice!: boolean;
  @ApiProperty() flow!: boolean;
  @ApiProperty() forwardOnly!: boolean;
}

class ScormScoDto {
  @ApiProperty({ description: 'The item identifier in imsmanifest.xml' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Path inside the package, with the item parameters if any' }) href!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'SCORM 1.2 adlcp:masteryscore (0–100)' }) masteryScore!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'SCORM 2004 adlcp:completionThreshold (0–1)' })
  completionThreshold!: number | null;
  @ApiProperty({ description: 'SCORM 2004 completionSetByContent (default true)' }) completionSetByContent!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'SCORM 2004 satisfiedByMeasure: its minNormalizedMeasure' })
  minNormalizedMeasure!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'adlcp:datafromlms (cmi.launch_data)' }) launchData!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The cluster the SCO belongs to; null under the organization' })
  parentId?: string | null;
  @ApiPropertyOptional({ type: ScormControlModeDto, description: "Its parent's control modes; absent: free" })
  controlMode?: ScormControlModeDto;
}

/** POST /content-packages: a cmi5 or SCORM package imported into the organization's library. */
export class ContentPackageDto implements ContentPackageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The zip file name as uploaded' }) originalName!: string;
  @ApiProperty({ enum: ['cmi5', 'scorm12', 'scorm2004'] }) standard!: PackageStandard;
  @ApiProperty({ description: "The course's (cmi5) or default organization's (SCORM) title" }) title!: string;
  @ApiPropertyOptional({ type: Cmi5CourseDto, description: 'cmi5 packages: the course structure' }) course?: Cmi5CourseDto;
  @ApiPropertyOptional({ type: [ScormScoDto], description: "SCORM packages: the default organization's SCOs, in order" })
  scos?: ScormScoDto[];
  @ApiProperty() fileCount!: number;
  @ApiProperty() sizeBytes!: number;
}

class Cmi5FetchDto {
  @ApiProperty({ name: 'auth-token', description: "The AU's Basic credentials for the LRS (base64 of launch id and secret)" })
  'auth-token'!: string;
}

class Cmi5LaunchViewDto implements Cmi5LaunchView {
  @ApiProperty({ format: 'uuid' }) launchId!: string;
  @ApiProperty() auId!: string;
  @ApiProperty({ format: 'uuid' }) registration!: string;
  @ApiProperty({ description: "The AU's URL with the cmi5 launch parameters (endpoint, fetch, actor, registration, activityId)" })
  url!: string;
}

class Cmi5WaiverDto {
  @ApiProperty({ description: 'The AU now counts as satisfied' }) satisfied!: boolean;
  @ApiProperty({ description: 'The waiver completed the lesson' }) lessonCompleted!: boolean;
}

export class Cmi5LaunchDto {
  @ApiPropertyOptional({ description: 'The AU to launch (its id in cmi5.xml); the first AU when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  auId?: string;
}

/** cmi5 lessons: importing the package, launching an AU, the fetch URL, and the package's files. */
@ApiTags('content 课程内容')
@Controller()
export class Cmi5Controller {
  constructor(
    private readonly cmi5: Cmi5Service,
    private readonly packages: ContentPackagesService,
  ) {}

  /** A cmi5 package into the organization's library; a cmi5 lesson then names it (contentPackageId) and goes through the usual approval. */
  @Post('content-packages')
  @Access(Role.OrgAdmin)
  @FileUpload('contentBase64', PACKAGE_MAX_BYTES)
  @ApiOperation({ summary: "Imports a cmi5 package (zip, cmi5.xml at its root) into the organization's library" })
  @ApiCreatedResponse({ type: ContentPackageDto })
  @ApiErrors(400, 413)
  importPackage(@CurrentActor() actor: Actor, @Body() dto: ImportPackageDto): Promise<ContentPackageView> {
    return this.packages.importPackage(actor, dto.fileName, Buffer.from(dto.contentBase64, 'base64'));
  }

  @Post('me/enrollments/:enrollmentId/lessons/:lessonId/cmi5-launch')
  @Access(Role.Trainee)
  @ApiOperation({ summary: 'Launches an AU: the URL carries endpoint, fetch, actor, registration and activityId' })
  @ApiCreatedResponse({ type: Cmi5LaunchViewDto })
  @ApiErrors(400, 404)
  launch(
    @CurrentActor() actor: Actor,
    @Param('enrollmentId', ParseIdPipe) enrollmentId: string,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: Cmi5LaunchDto,
  ): Promise<Cmi5LaunchView> {
    return this.cmi5.launch(actor, enrollmentId, lessonId, dto.auId);
  }

  /** An org admin waives an AU of a cmi5 lesson for an enrolled trainee (the LMS writes `waived`, the AU counts as satisfied). */
  @Post('enrollments/:enrollmentId/lessons/:lessonId/cmi5-waive')
  @HttpCode(200)
  @Access(Role.OrgAdmin)
  @ApiOkResponse({ type: Cmi5WaiverDto })
  @ApiErrors(400, 404)
  waive(
    @CurrentActor() actor: Actor,
    @Param('enrollmentId', ParseIdPipe) enrollmentId: string,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: Cmi5WaiveDto,
  ): Promise<{ satisfied: boolean; lessonCompleted: boolean }> {
    return this.cmi5.waive(actor, enrollmentId, lessonId, dto.auId, dto.reason);
  }

  /** The cmi5 fetch URL: works once per launch, and answers the AU's `auth-token`. */
  @Post('xapi/cmi5/fetch/:token')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: Cmi5FetchDto })
  @ApiCredentialPath()
  @ApiErrors(400)
  fetch(@Param('token') token: string): Promise<{ 'auth-token': string }> {
    return this.cmi5.fetch(token);
  }

  /**
   * A file of a lesson package by signed URL (issued at launch to the enrolled trainee). The
   * path keeps the package's own layout so its relative links work; the content runs sandboxed
   * (no access to this site's storage or cookies).
   */
  @Get('content-packages/:packageId/:userId/:expires/:signature/*')
  @Public()
  @ApiFileResponse('*/*')
  @ApiErrors(400, 403, 404)
  async file(
    @Param('packageId', ParseIdPipe) packageId: string,
    @Param('userId', ParseIdPipe) userId: string,
    @Param('expires') expires: string,
    @Param('signature') signature: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) throw ContentErrors.urlInvalid();
    const path = decodeURIComponent((request.params as Record<string, string>)['*'] ?? '');
    const file = await this.packages.openSigned(packageId, userId, Number(expires), signature, path);
    void reply
      .header('content-type', file.mimeType)
      .header('cache-control', `private, max-age=${Math.max(0, file.secondsLeft)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox allow-scripts allow-forms; frame-ancestors 'self'")
      // The sandboxed page has an opaque origin: its own scripts and styles are cross-origin loads to it.
      .header('cross-origin-resource-policy', 'cross-origin')
      .removeHeader('x-frame-options')
      .send(file.content);
  }
}
