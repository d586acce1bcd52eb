import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, Role } from '@cqo/core';
import {
  ContentErrors,
  ContentPackagesService,
  runtimeLibrary,
  SCORM_NAV_REQUESTS,
  ScormCommitResult,
  ScormLaunchView,
  ScormNavigationView,
  ScormNavRequest,
  ScormService,
} from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiCredentialPath, ApiErrors, ApiFileResponse } from '../common/api-responses';

class ScormNavigationItemDto {
  @ApiProperty({ description: 'The item identifier in imsmanifest.xml' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The SCO has reported completion' }) completed!: boolean;
  @ApiProperty({ description: "The package's choice control mode lets the trainee pick it from the list now" }) selectable!: boolean;
}

class ScormNavigationViewDto implements ScormNavigationView {
  @ApiProperty() currentScoId!: string;
  @ApiProperty({ type: [ScormNavigationItemDto] }) items!: ScormNavigationItemDto[];
  @ApiProperty({ description: 'A `previous` request would be honoured (flow, not forward only, not the first)' }) canPrevious!: boolean;
  @ApiProperty({ description: 'A `continue` request would be honoured (flow, not the last)' }) canContinue!: boolean;
}

class ScormLaunchViewDto implements ScormLaunchView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() scoId!: string;
  @ApiProperty({ enum: ['1.2', '2004'] }) version!: '1.2' | '2004';
  @ApiProperty({ description: "The SCO's launch page, under the session's own path" }) url!: string;
  @ApiProperty({ type: ScormNavigationViewDto }) navigation!: ScormNavigationViewDto;
}

class ScormCommitResultDto implements ScormCommitResult {
  @ApiProperty({ description: 'Seconds credited by this commit' }) creditedSeconds!: number;
  @ApiProperty({ description: "The lesson's credited seconds so far" }) activeSeconds!: number;
  @ApiProperty() lessonCompleted!: boolean;
}

class ScormPreviewDto {
  @ApiProperty({ description: 'A preview session of the SCO, for the course author' }) url!: string;
}

export class ScormLaunchDto {
  @ApiPropertyOptional({
    description: 'The SCO to launch (its item identifier in imsmanifest.xml): the target of a `choice` request; the first SCO when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  scoId?: string;
}

export class ScormNavLaunchDto extends ScormLaunchDto {
  @ApiPropertyOptional({
    enum: SCORM_NAV_REQUESTS,
    description:
      "Navigation request from the SCO the trainee is on: `start` (default; resumes the current SCO or the first), `continue`, `previous`, `choice` (of `scoId`; also meant by `scoId` alone). Refused (409 SCORM_NAV_REFUSED) where the package's control modes do not allow it",
  })
  @IsOptional()
  @IsIn(SCORM_NAV_REQUESTS)
  navRequest?: ScormNavRequest;
}

/** Headers of a file run inside the sandboxed lesson frame (as for cmi5 package files). */
function sandboxed(reply: FastifyReply, mimeType: string, maxAge: number): FastifyReply {
  return (
    reply
      .header('content-type', mimeType)
      .header('cache-control', `private, max-age=${Math.max(0, maxAge)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox allow-scripts allow-forms; frame-ancestors 'self'")
      .header('cross-origin-resource-policy', 'cross-origin')
      // The session's token is in the path: never sent on to other sites.
      .header('referrer-policy', 'no-referrer')
      .removeHeader('x-frame-options')
  );
}

/**
 * SCORM 1.2 / 2004 lessons: launching a SCO, its files (with the runtime injected into its pages),
 * the runtime's commits, and the runtime library itself. Packages are imported by POST /content-packages.
 */
@ApiTags('content 课程内容')
@Controller()
export class ScormController {
  constructor(
    private readonly scorm: ScormService,
    private readonly packages: ContentPackagesService,
  ) {}

  /** Tries out a SCORM package (the org admin of its organization, or a reviewing platform admin): a signed URL, runtime included, nothing recorded. */
  @Post('content-packages/:packageId/scorm-preview')
  @HttpCode(200)
  @Access(Role.OrgAdmin, Role.PlatformAdmin)
  @ApiOkResponse({ type: ScormPreviewDto })
  @ApiErrors(400, 404)
  preview(
    @CurrentActor() actor: Actor,
    @Param('packageId', ParseIdPipe) packageId: string,
    @Body() dto: ScormLaunchDto,
  ): Promise<{ url: string }> {
    return this.packages.scormPreview(actor, packageId, dto.scoId);
  }

  @Post('me/enrollments/:enrollmentId/lessons/:lessonId/scorm-launch')
  @Access(Role.Trainee)
  @ApiOperation({
    summary: "Launches a SCO by a navigation request: a session whose URL serves the package's files with the SCORM runtime",
  })
  @ApiCreatedResponse({ type: ScormLaunchViewDto })
  @ApiErrors(400, 404, 409)
  launch(
    @CurrentActor() actor: Actor,
    @Param('enrollmentId', ParseIdPipe) enrollmentId: string,
    @Param('lessonId', ParseIdPipe) lessonId: string,
    @Body() dto: ScormNavLaunchDto,
  ): Promise<ScormLaunchView> {
    return this.scorm.launch(actor, enrollmentId, lessonId, { navRequest: dto.navRequest, scoId: dto.scoId });
  }

  /**
   * A file of a launched SCO's package: the session's token (issued at launch to the enrolled
   * trainee) is the credential; it works for the session's hours and until the lesson is launched again.
   */
  @Get('scorm-sessions/:sessionId/:token/*')
  @Public()
  @ApiFileResponse('*/*')
  @ApiErrors(400, 403, 404)
  async file(
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent((request.params as Record<string, string>)['*'] ?? '');
    } catch {
      throw ContentErrors.fileNotFound();
    }
    const file = await this.scorm.openFile(sessionId, token, path);
    void sandboxed(reply, file.mimeType, Math.min(file.secondsLeft, 300)).send(file.content);
  }

  /** The runtime's commit (LMSCommit/Commit, LMSFinish/Terminate, or its periodic beat), as a text/plain JSON body from the sandboxed frame. */
  @Post('scorm-commits/:sessionId/:token')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: ScormCommitResultDto })
  @ApiCredentialPath()
  @ApiErrors(400, 403, 409)
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        kind: { enum: ['beat', 'commit', 'finish'] },
        cmi: { type: 'object' },
        sessionTime: { type: 'string' },
        visible: { type: 'boolean' },
      },
    },
  })
  commit(
    @Param('sessionId', ParseIdPipe) sessionId: string,
    @Param('token') token: string,
    @Body() body: unknown,
  ): Promise<ScormCommitResult> {
    return this.scorm.commit(sessionId, token, body);
  }

  /** scorm-again (the SCORM runtime library), loaded by the SCO's page from our origin. */
  @Get('scorm-runtime/:name')
  @Public()
  @ApiFileResponse('text/javascript')
  @ApiErrors(404)
  library(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const bytes = runtimeLibrary(name);
    if (!bytes) throw ContentErrors.fileNotFound();
    void reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(bytes);
  }
}
