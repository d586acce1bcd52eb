import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { AppConfig } from '@cqo/core';
import type { CertificateContent } from '../certificate.types';
import { CertificateRenderer } from './certificate-renderer';

/** The compiled thread entry beside this file; absent when the TypeScript sources run directly (Jest). */
export const RENDER_THREAD_SCRIPT = join(__dirname, 'render-thread.js');

/** Threads started on demand end after ten idle minutes (each parses the fonts once). */
const IDLE_TIMEOUT_MS = 10 * 60_000;

/**
 * Renders certificate PDFs on worker threads. Drawing a certificate is about 10 ms of synchronous
 * CPU (layout, font subsetting, deflate); on the event loop, 16 issuances at once would hold up
 * every other job, lock renewal and health check of the worker for that long each. On threads,
 * the event loop only does the I/O around them, and rendering overlaps with it.
 *
 * The API renders now and then (a file to restore): its threads start with the first render.
 * The worker calls {@link startThreads} at boot, so that its threads are running, with fonts
 * parsed and code compiled, before the first job, rather than starting (and competing for the
 * cores) under the first burst of jobs.
 *
 * With CERTIFICATE_RENDER_THREADS=0, or where no compiled thread script exists (TypeScript run
 * by Jest), it renders on the calling thread with the same renderer: the PDFs are the same bytes.
 */
@Injectable()
export class CertificateRenderPool implements OnModuleDestroy {
  private readonly logger = new Logger(CertificateRenderPool.name);
  private readonly maxThreads: number;
  private pool: Piscina<CertificateContent | null, Uint8Array | undefined> | null = null;

  constructor(
    config: AppConfig,
    private readonly renderer: CertificateRenderer,
  ) {
    const threads = config.certificates.renderThreads;
    this.maxThreads = threads > 0 && existsSync(RENDER_THREAD_SCRIPT) ? threads : 0;
    if (threads > 0 && this.maxThreads === 0)
      this.logger.debug(`no compiled ${RENDER_THREAD_SCRIPT}: certificates render on the event loop`);
  }

  /** Threads rendering, 0 when rendering happens on the calling thread. */
  get threads(): number {
    return this.maxThreads;
  }

  /**
   * Starts every thread now and keeps them (the worker's choice). Each warms up as it starts (one
   * certificate drawn); resolves once a thread has, renders asked for meanwhile wait their turn.
   */
  async startThreads(): Promise<void> {
    if (this.maxThreads === 0) return;
    if (this.pool) {
      this.logger.warn('render threads already started on demand; not restarting them');
      return;
    }
    const pool = this.threadPool(this.maxThreads);
    await Promise.all(pool.threads.map(() => pool.run(null, { name: 'warm' })));
  }

  async render(content: CertificateContent): Promise<Buffer> {
    if (this.maxThreads === 0) return this.renderer.render(content);
    // The thread moves its bytes over (no copy); view them as a Buffer.
    const bytes = (await this.threadPool(0).run(content))!;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private threadPool(minThreads: number): Piscina<CertificateContent | null, Uint8Array | undefined> {
    this.pool ??= new Piscina({ filename: RENDER_THREAD_SCRIPT, minThreads, maxThreads: this.maxThreads, idleTimeout: IDLE_TIMEOUT_MS });
    return this.pool;
  }
}
