import type { OutgoingMessage } from './notification-channel';

/** The facts every template needs besides its own. */
export interface MailContext {
  to: string;
  displayName: string;
  siteName: string;
  /** The web app's address, e.g. https://cqo.example.cn/app */
  appUrl: string;
}

export interface DigestItem {
  kind: string;
  title: string;
  body: string;
}

const FOOTER = '此邮件由系统自动发送，请勿直接回复。';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A plain-text part and an HTML part of the same paragraphs; a link paragraph becomes a button. */
function compose(
  ctx: MailContext,
  subject: string,
  paragraphs: (string | { link: string; label: string })[],
  footer: string[],
): OutgoingMessage {
  const text = [
    `${ctx.displayName}，您好：`,
    '',
    ...paragraphs.flatMap((p) => [typeof p === 'string' ? p : `${p.label}：${p.link}`, '']),
    '——',
    ctx.siteName,
    ...footer,
  ].join('\n');
  const htmlParagraphs = paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`
        : `<p style="margin:0 0 12px"><a href="${escapeHtml(p.link)}" style="display:inline-block;padding:8px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(p.label)}</a></p>` +
          `<p style="margin:0 0 12px;font-size:12px;color:#555">如按钮无法打开，请复制此链接到浏览器：<br>${escapeHtml(p.link)}</p>`,
    )
    .join('');
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.6;max-width:640px">` +
    `<p style="margin:0 0 12px">${escapeHtml(ctx.displayName)}，您好：</p>${htmlParagraphs}` +
    `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#666">${escapeHtml(ctx.siteName)}<br>${footer.map(escapeHtml).join('<br>')}</p>` +
    `</body></html>`;
  return { to: ctx.to, subject, text, html };
}

/** Days from a CST date (YYYY-MM-DD) to 31 December of its year, that day counted as 0. */
export function daysLeftInYear(date: string): number {
  const year = Number(date.slice(0, 4));
  return Math.round((Date.UTC(year, 11, 31) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

/**
 * The day's reminders in one mail (shortfalls with the hours missing per requirement, term
 * expiry, reports due), with the days left in the year and an unsubscribe link for reminders only.
 */
export function reminderDigestMail(ctx: MailContext, date: string, items: DigestItem[], unsubscribeUrl: string): OutgoingMessage {
  const shortfalls = items.filter((i) => i.kind === 'compliance.reminder');
  const subject = items.length === 1 ? `【提醒】${items[0].title}` : `【提醒】您有${items.length}条提醒（${date}）`;
  const paragraphs: (string | { link: string; label: string })[] = [];
  if (shortfalls.length > 0) paragraphs.push(`距本年度学时截止（12月31日）还有${daysLeftInYear(date)}天。以下要求尚未完成：`);
  items.forEach((item, i) => paragraphs.push(`${i + 1}. ${item.title}\n${item.body}`));
  paragraphs.push({ link: `${ctx.appUrl}/`, label: '登录平台查看' });
  const message = compose(ctx, subject, paragraphs, [
    FOOTER,
    '提醒邮件每天最多一封。',
    `不再接收提醒邮件（其他通知不受影响）：${unsubscribeUrl}`,
  ]);
  // Mail clients show their own "unsubscribe" for it; the page asks before it acts (link scanners open links).
  return { ...message, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } };
}

/** One event that concerns the person: a course reviewed, a claim decided, a certificate issued. */
export function updateMail(ctx: MailContext, title: string, body: string, path: string): OutgoingMessage {
  return compose(
    ctx,
    title,
    [body, { link: `${ctx.appUrl}${path}`, label: '登录平台查看' }],
    [FOOTER, '如不希望接收此类邮件，可在“通知设置”中关闭。'],
  );
}

export function passwordResetMail(ctx: MailContext, username: string, resetUrl: string, minutes: number): OutgoingMessage {
  return compose(
    ctx,
    '重置密码',
    [
      `我们收到了为账号“${username}”重置密码的申请。请在${minutes}分钟内点击下面的链接设置新密码，链接只能使用一次。`,
      { link: resetUrl, label: '设置新密码' },
      '设置新密码后，该账号在所有设备上的登录都将失效，需要重新登录。如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。',
    ],
    [FOOTER],
  );
}

export function emailVerificationMail(ctx: MailContext, username: string, verifyUrl: string): OutgoingMessage {
  return compose(
    ctx,
    '请验证您的邮箱',
    [
      `您为账号“${username}”填写了此邮箱。请点击下面的链接完成验证，验证后才会收到学时提醒等通知邮件。链接7天内有效。`,
      { link: verifyUrl, label: '验证邮箱' },
      '如果这不是您本人的操作，请忽略此邮件。',
    ],
    [FOOTER],
  );
}
