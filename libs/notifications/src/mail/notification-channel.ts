/** A message for one person, already rendered; the channel only delivers it. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export type DeliveryResult =
  | { outcome: 'sent'; messageId: string | null }
  /** The receiving side refused the address for good (SMTP 5xx): do not try it again. */
  | { outcome: 'rejected'; code: number | null; reason: string };

/**
 * A way of reaching a person outside the app. E-mail is implemented ({@link EmailChannel});
 * SMS has the same shape and no provider in this code base (see {@link SMS_PROVIDER}). A
 * transient failure (server away, 4xx) throws, so the job retries.
 */
export interface NotificationChannel {
  readonly name: 'email' | 'sms';
  deliver(message: OutgoingMessage): Promise<DeliveryResult>;
}

/**
 * SMS: the injection token a deployment binds to its provider's adapter (阿里云短信, 腾讯云短信…),
 * a class implementing {@link NotificationChannel} with `name: 'sms'` and `to` a phone number.
 * Nothing is bound here: no SMS is sent, and none is faked in tests. See README, "E-mail and SMS".
 */
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
