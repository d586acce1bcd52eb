import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { AppConfig } from '@cqo/core';

/** Where the catch-all writes: one .eml file per message, read by the admin page. */
export const catchAllDir = (config: AppConfig) => join(config.storageDir, 'mail-catch-all');

/** The catch-all keeps at most this many bytes of one message (a development tool, not a mailbox). */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * Development without SMTP: an SMTP server inside the worker, on 127.0.0.1 at a port of its own
 * (each worker process has one), that accepts every message and writes it under
 * storage/mail-catch-all. Mail goes through real SMTP all the same, so what a developer reads is
 * what a real server would receive. Started on the first mail, never in production mode.
 */
@Injectable()
export class CatchAllMailServer implements OnApplicationShutdown {
  private readonly logger = new Logger(CatchAllMailServer.name);
  private server?: SMTPServer;
  private starting?: Promise<number>;

  constructor(private readonly config: AppConfig) {}

  /** Starts the server once; resolves to its port. */
  start(): Promise<number> {
    return (this.starting ??= this.listen());
  }

  private async listen(): Promise<number> {
    const dir = catchAllDir(this.config);
    await mkdir(dir, { recursive: true });
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          // Sortable by time; the random part keeps two messages of one millisecond apart.
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
          writeFile(join(dir, name), Buffer.concat(chunks)).then(
            () => callback(),
            (error: Error) => callback(error),
          );
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', (error) => this.logger.warn(`catch-all SMTP: ${String(error)}`));
    const port = (server.server.address() as AddressInfo).port;
    this.logger.log({ port, dir }, 'mail catch-all listening (no SMTP_HOST configured)');
    return port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
