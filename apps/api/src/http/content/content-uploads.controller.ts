import { Controller, Delete, Head, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CommonErrors, Role } from '@cqo/core';
import { ContentFilesService } from '@cqo/courses';
import { Access, CurrentActor } from '../common/access.decorator';
import { ApiEmptyResponse, ApiErrors } from '../common/api-responses';
import { LessonContentDto } from '../courses/course-responses.dto';
import { formatUploadMetadata, parseUploadMetadata } from './upload-metadata';
import { SERVER_METADATA_KEYS, TusUploadServer } from './tus-upload-server';

/**
 * Resumable uploads of lesson videos and PDFs (the tus 1.0 protocol, as tus-js-client speaks it).
 * Each request is checked here first: creating one needs an org admin, a lesson of their own
 * organization's editable version (or a `kind`), and a declared size within the limit; the later
 * requests of an upload are allowed only to the organization that started it.
 */
@ApiTags('content 课程内容')
@Controller('content-uploads')
export class ContentUploadsController {
  constructor(
    private readonly content: ContentFilesService,
    private readonly tus: TusUploadServer,
  ) {}

  @Post()
  @Access(Role.OrgAdmin)
  @ApiOperation({ summary: 'Start a resumable upload (tus creation): Upload-Length, Upload-Metadata filename, lessonId or kind' })
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'Upload-Metadata', required: true, description: 'tus metadata: filename, lessonId (or kind: video | document)' })
  @ApiEmptyResponse(201, 'Upload created (tus)', {
    Location: { description: 'The upload, /content-uploads/<uploadId>: send its bytes there' },
  })
  @ApiErrors(400)
  async create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const metadata = parseUploadMetadata(header(request, 'upload-metadata'));
    const length = header(request, 'upload-length');
    const target = await this.content.authorizeUpload(actor, {
      lessonId: metadata.lessonId || null,
      kind: metadata.kind || null,
      length: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
    });
    for (const key of SERVER_METADATA_KEYS) delete metadata[key];
    setRawHeader(
      request,
      'upload-metadata',
      formatUploadMetadata({
        ...metadata,
        organizationId: target.organizationId,
        userId: target.userId ?? '',
        kind: target.kind,
        lessonId: target.lessonId ?? '',
      }),
    );
    await this.pass(request, reply);
  }

  @Head(':uploadId')
  @Access(Role.OrgAdmin)
  @ApiOperation({ summary: 'Offset of an upload, to resume it (tus)' })
  @ApiErrors(400, 404)
  async offset(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.assertOwn(actor, uploadId);
    await this.pass(request, reply);
  }

  @Patch(':uploadId')
  @Access(Role.OrgAdmin)
  @ApiOperation({ summary: 'Append bytes at Upload-Offset (tus, Content-Type application/offset+octet-stream)' })
  @ApiNoContentResponse({
    description: 'Bytes appended, more to come (tus)',
    headers: { 'Upload-Offset': { description: 'Bytes the server has', schema: { type: 'string' } } },
  })
  @ApiOkResponse({ type: LessonContentDto, description: 'The last bytes: the file, checked and stored' })
  @ApiErrors(400, 404)
  async append(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.assertOwn(actor, uploadId);
    await this.pass(request, reply);
  }

  @Delete(':uploadId')
  @Access(Role.OrgAdmin)
  @ApiOperation({ summary: 'Abandon an upload (tus termination)' })
  @ApiNoContentResponse({ description: 'Upload abandoned (tus)' })
  @ApiErrors(400, 404)
  async abandon(
    @CurrentActor() actor: Actor,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.assertOwn(actor, uploadId);
    await this.pass(request, reply);
  }

  /** Another organization's upload is refused (403); an unknown one is left to tus (404). */
  private async assertOwn(actor: Actor, uploadId: string): Promise<void> {
    if (!/^[a-f0-9]{32}$/.test(uploadId)) return;
    const owner = await this.tus.ownerOf(uploadId);
    if (owner !== null && owner !== actor.organizationId) throw CommonErrors.outOfScope();
  }

  private async pass(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.hijack();
    await this.tus.handle(request.raw, reply.raw);
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Replaces a request header where the tus server reads it (it builds its headers from rawHeaders). */
function setRawHeader(request: FastifyRequest, name: string, value: string): void {
  const raw = request.raw.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === name) raw.splice(i, 2);
  raw.push(name, value);
  request.raw.headers[name] = value;
}
