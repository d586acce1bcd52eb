import { Controller, createParamDecorator, ExecutionContext, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CommonErrors, ObjectStorage, Role } from '@cqo/core';
import { ContentErrors, ContentFilesService, MediaUrlView, parseByteRange } from '@cqo/courses';
import { Access, CurrentActor, Public } from '../common/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiFileResponse, ApiErrors } from '../common/api-responses';

/** The query of a signed media URL (issued by the study session or GET /content-files/:id/url). */
export interface MediaQuery {
  u: string;
  e: number;
  s: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const MEDIA_QUERY_FIELDS = new Set(['u', 'e', 's']);

/**
 * The signed URL's query, checked by hand rather than by the global ValidationPipe: this route
 * answers every range request of every player, and class-transformer/class-validator were a
 * tenth of its cost. Same outcome: a 400 naming each bad or unknown field.
 */
export const SignedMediaQuery = createParamDecorator((_data: unknown, context: ExecutionContext): MediaQuery => {
  const query = (context.switchToHttp().getRequest<FastifyRequest>().query ?? {}) as Record<string, unknown>;
  const issues: { field: string; message: string }[] = [];
  for (const field of Object.keys(query)) if (!MEDIA_QUERY_FIELDS.has(field)) issues.push({ field, message: '不允许的参数' });
  const { u, e, s } = query;
  if (typeof u !== 'string' || !UUID.test(u)) issues.push({ field: 'u', message: '链接参数 u 无效' });
  const expires = typeof e === 'string' && /^\d{1,12}$/.test(e) ? Number(e) : NaN;
  if (!Number.isSafeInteger(expires)) issues.push({ field: 'e', message: '链接参数 e 无效' });
  if (typeof s !== 'string' || !SIGNATURE.test(s)) issues.push({ field: 's', message: '链接参数 s 无效' });
  if (issues.length) throw CommonErrors.validationFailed(issues);
  return { u: u as string, e: expires, s: s as string };
});

/** A signed media URL and when it stops working. */
export class MediaUrlDto implements MediaUrlView {
  @ApiProperty({ description: 'Same origin, signed, short-lived' }) url!: string;
  @ApiProperty() expiresAt!: Date;
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
  @ApiOkResponse({ type: MediaUrlDto })
  @ApiErrors(400, 404)
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
  @ApiQuery({ name: 'u', description: 'the user the URL was issued to', format: 'uuid' })
  @ApiQuery({ name: 'e', description: 'expiry, Unix seconds', type: Number })
  @ApiQuery({ name: 's', description: 'HMAC-SHA256 signature, base64url' })
  @ApiFileResponse('video/mp4', 'video/webm', 'application/pdf')
  @ApiResponse({
    status: 206,
    description: 'The requested range',
    content: {
      'video/mp4': { schema: { type: 'string', format: 'binary' } },
      'video/webm': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404)
  async media(
    @Param('fileId', ParseIdPipe) fileId: string,
    @SignedMediaQuery() query: MediaQuery,
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
