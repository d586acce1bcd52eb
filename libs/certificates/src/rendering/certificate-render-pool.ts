import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { APP_CONFIG, AppConfig } from '@cqo/core';
import type { CertificateContent } from '../certificate.types';
import { CertificateRenderer } from './certificate-renderer';

/** The compiled thread entry beside this file; absent when the TypeScript sources run directly (Jest). */
export const RENDER_THREAD_SCRIPT = join(__dirname, 'render-thread.js');

/**
 * Renders certificate PDFs on worker threads. Drawing a certificate is about 10 ms of synchronous
 * CPU (layout, font subsetting, deflate); on the event loop, 16 issuances at once would hold up
 * every other job, lock renewal and health check of the worker for that long each. On threads,
 * the event loop only does the I/O around them, and rendering overlaps with it.
 *
 * With CERTIFICATE_RENDER_THREADS=0, or where no compiled thread script exists (TypeScript run
 * by Jest), it renders on the calling thread with the same renderer: the PDFs are the same bytes.
 */
@Injectable()
export class CertificateRenderPool implements OnModuleDestroy {
  private readonly logger = new Logger(CertificateRenderPool.name);
  private readonly pool: Piscina<CertificateContent, Uint8Array> | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly renderer: CertificateRenderer,
  ) {
    const threads = config.certificates.renderThreads;
    this.pool =
      threads > 0 && existsSync(RENDER_THREAD_SCRIPT)
        ? // Threads start with the first render and end after ten idle minutes (each parses the fonts once).
          new Piscina({ filename: RENDER_THREAD_SCRIPT, minThreads: 0, maxThreads: threads, idleTimeout: 10 * 60_000 })
        : null;
    if (threads > 0 && !this.pool) this.logger.debug(`no compiled ${RENDER_THREAD_SCRIPT}: certificates render on the event loop`);
  }

  /** Threads rendering, 0 when rendering happens on the calling thread. */
  get threads(): number {
    return this.pool?.maxThreads ?? 0;
  }

  async render(content: CertificateContent): Promise<Buffer> {
    if (!this.pool) return this.renderer.render(content);
    // A Buffer crosses threads as a plain Uint8Array (a 30 KB copy); view the same bytes as a Buffer.
    const bytes = await this.pool.run(content);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }
}
