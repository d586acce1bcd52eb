import { join } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { AppConfig, DomainError } from '@cqo/core';
import { ContentFilesService, UploadTarget } from '@cqo/courses';
import { errorStatusOf } from '../common/error.filter';

export const UPLOADS_PATH = '/content-uploads';

/** Metadata keys the API writes itself; a client's own values for them are dropped. */
export const SERVER_METADATA_KEYS = ['organizationId', 'userId', 'kind', 'lessonId'] as const;

/**
 * The tus (resumable upload) server behind POST/HEAD/PATCH/DELETE /content-uploads. Parts are
 * written to STORAGE_DIR/.uploads (the same volume as storage, so finishing is a rename). The
 * controller checks the caller before anything reaches tus; when the last byte arrives, the file
 * is checked by its bytes and recorded (or refused and deleted) before tus answers.
 */
@Injectable()
export class TusUploadServer implements OnModuleInit {
  private server!: Server;
  readonly directory: string;

  constructor(
    private readonly content: ContentFilesService,
    private readonly config: AppConfig,
  ) {
    this.directory = join(config.storageDir, '.uploads');
  }

  onModuleInit(): void {
    const store = new FileStore({ directory: this.directory });
    const options: ConstructorParameters<typeof Server>[0] = {
      path: UPLOADS_PATH,
      datastore: store,
      relativeLocation: true,
      maxSize: Math.max(this.config.content.maxVideoBytes, this.config.content.maxDocumentBytes),
      // Same origin only: no CORS headers for other sites.
      allowedOrigins: [],
      onUploadFinish: async (_req, upload) => {
        const target = targetOf(upload.metadata ?? {});
        const path = upload.storage?.path ?? join(this.directory, upload.id);
        try {
          const file = await this.content.completeUpload(target, path, upload.metadata?.filename ?? 'upload');
          return { status_code: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          throw {
            status_code: errorStatusOf(error.kind),
            body: JSON.stringify({
              statusCode: errorStatusOf(error.kind),
              code: error.code,
              message: error.message,
              details: error.details,
            }),
          };
        } finally {
          // The part file was moved into storage (or is refused): remove what is left of the upload.
          await store.remove(upload.id).catch(() => store.configstore.delete(upload.id));
        }
      },
    };
    this.server = new Server(options);
  }

  /** The organization an upload in progress belongs to, or null when there is no such upload. */
  async ownerOf(uploadId: string): Promise<string | null> {
    try {
      const upload = await this.server.datastore.getUpload(uploadId);
      return upload.metadata?.organizationId ?? null;
    } catch {
      return null;
    }
  }

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.server.handle(req, res);
  }
}

function targetOf(metadata: Record<string, string | null>): UploadTarget {
  return {
    organizationId: metadata.organizationId ?? '',
    userId: metadata.userId || null,
    kind: metadata.kind === 'document' ? 'document' : 'video',
    lessonId: metadata.lessonId || null,
  };
}
