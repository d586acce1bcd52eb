import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IsInt, IsString, IsUUID, Matches } from 'class-validator';
import { Type } from 'class-transformer';
import { Actor, ObjectStorage, Role } from '@cqo/core';
import { ContentErrors, ContentFilesService, MediaUrlView, parseByteRange } from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** The query of a signed media URL (issued by the study session or GET /content-files/:id/url). */
export class MediaQueryDto {
  @IsUUID()
  u!: string;

  @Type(() => Number)
  @IsInt()
  e!: number;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/)
  s!: string;
}

@ApiTags('content 课程内容')
@Controller()
export class MediaController {
  constructor(
    private readonly content: ContentFilesService,
    private readonly storage: ObjectStorage,
  ) {}

  /** A short-lived signed URL of an uploaded file: for trainees enrolled in a course using it, and its organization's staff. */
  @Get('content-files/:fileId/url')
  @Access(Role.Trainee, Role.OrgAdmin, Role.PlatformAdmin)
  url(@CurrentActor() actor: Actor, @Param('fileId', ParseIdPipe) fileId: string): Promise<MediaUrlView> {
    return this.content.mediaUrl(actor, fileId);
  }

  /**
   * The bytes of a lesson video or PDF, by signed URL only (a `<video>` cannot send a bearer
   * token): single byte ranges (206 with Content-Range) for seeking and resuming, private caching
   * until the URL expires, never a listing.
   */
  @Get('media/:fileId')
  @Public()
  @ApiOperation({ summary: 'Lesson media by signed URL; supports Range' })
  @ApiOkResponse({ description: 'The file, or 206 with the requested range' })
  async media(
    @Param('fileId', ParseIdPipe) fileId: string,
    @Query() query: MediaQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.content.openSigned({ fileId, userId: query.u, expires: query.e }, query.s);
    const etag = `"${file.sha256.slice(0, 32)}"`;
    void reply
      .header('accept-ranges', 'bytes')
      .header('content-type', file.mimeType)
      .header('cache-control', `private, max-age=${Math.max(0, file.secondsLeft)}`)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline');
    if (request.headers['if-none-match'] === etag) {
      void reply.code(304).send();
      return;
    }
    // A Range with If-Range naming another version gets the whole file (RFC 9110 §13.1.5).
    const ifRange = request.headers['if-range'];
    const range = ifRange && ifRange !== etag ? null : parseByteRange(request.headers.range, file.sizeBytes);
    if (range === 'unsatisfiable') {
      // 416 is particular to this route, so it is answered here rather than added as a domain error kind.
      const error = ContentErrors.rangeNotSatisfiable();
      void reply
        .code(416)
        .header('content-range', `bytes */${file.sizeBytes}`)
        .header('cache-control', 'no-store')
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ statusCode: 416, code: error.code, message: error.message, details: error.details }));
      return;
    }
    const stream = await this.storage.openStream(file.storageKey, range ?? undefined);
    if (!stream) throw ContentErrors.fileNotFound();
    if (range) {
      void reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.sizeBytes}`)
        .header('content-length', range.end - range.start + 1);
    } else {
      void reply.code(200).header('content-length', file.sizeBytes);
    }
    await reply.send(stream);
  }
}
