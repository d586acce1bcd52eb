import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@cqo/core';
import { CatchAllMailServer } from './catch-all-mail.server';
import { DeliveryResult, NotificationChannel, OutgoingMessage } from './notification-channel';

/** nodemailer's SMTP error: the server's reply code and the command it answered. */
interface SmtpError {
  responseCode?: number;
  command?: string;
  response?: string;
}

/**
 * E-mail over SMTP (nodemailer): the configured server, or in development the worker's local
 * catch-all. A refusal of the recipient with a 5xx code is a bounce; anything else is retried.
 */
@Injectable()
export class EmailChannel implements NotificationChannel, OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'email' as const;
  private readonly logger = new Logger(EmailChannel.name);
  private transporter?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly catchAll: CatchAllMailServer,
  ) {}

  /** Says at start where mail goes (once the process's logger is attached) and starts the catch-all with the worker. */
  async onApplicationBootstrap(): Promise<void> {
    const mail = this.config.mail;
    if (mail.mode === 'smtp') this.logger.log({ host: mail.host, port: mail.port, security: mail.security }, 'mail goes through SMTP');
    else if (mail.mode === 'catch-all') await this.transport();
    else if (this.config.env === 'production')
      this.logger.warn('SMTP_HOST is not set: no e-mail is sent (password reset by e-mail does not work)');
  }

  get enabled(): boolean {
    return this.config.mail.mode !== 'off';
  }

  async deliver(message: OutgoingMessage): Promise<DeliveryResult> {
    const transporter = await this.transport();
    try {
      const info = await transporter.sendMail({ from: this.config.mail.from, ...message });
      return { outcome: 'sent', messageId: typeof info.messageId === 'string' ? info.messageId : null };
    } catch (error) {
      const smtp = error as SmtpError;
      const code = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
      // Only the recipient refused for good is a bounce; a 5xx to AUTH or MAIL FROM is our configuration.
      if (code !== null && code >= 500 && code < 600 && smtp.command === 'RCPT TO') {
        return { outcome: 'rejected', code, reason: String(smtp.response ?? code).slice(0, 500) };
      }
      throw error;
    }
  }

  private async transport(): Promise<Transporter> {
    if (this.transporter) return this.transporter;
    const mail = this.config.mail;
    if (mail.mode === 'off') throw new Error('mail is off (no SMTP_HOST and no catch-all)');
    if (mail.mode === 'catch-all') {
      const port = await this.catchAll.start();
      this.transporter = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    } else {
      this.transporter = createTransport({
        host: mail.host!,
        port: mail.port,
        secure: mail.security === 'tls',
        requireTLS: mail.security === 'starttls',
        ignoreTLS: mail.security === 'none',
        auth: mail.user ? { user: mail.user, pass: mail.password ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    }
    return this.transporter;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
