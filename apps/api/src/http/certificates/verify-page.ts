import { createHash } from 'node:crypto';
import type { PublicVerification } from '@cqo/certificates';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const BADGES: Record<PublicVerification['status'], [label: string, tone: string, note: string]> = {
  valid: ['有效', 'valid', '该证书由本平台签发，当前有效。'],
  suspended: ['已暂停', 'suspended', '该证书所证明年度的学时经重新认定已不满足要求，证书暂停有效；学时补足后自动恢复。'],
  revoked: ['已撤销', 'revoked', '该证书已被撤销，不再有效。'],
  superseded: ['已换发', 'superseded', '该证书已换发新证书，本版本不再有效，请以新证书为准。'],
  unknown: ['未找到', 'unknown', '未找到与所填信息相符的证书。请核对证书编号和身份证号后四位，或扫描证书上的二维码。'],
};

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;background:#f6f1e7;color:#222}
main{max-width:560px;margin:0 auto;padding:20px 16px 40px}h1{font-size:20px;margin:8px 0 16px;color:#a01c1c;text-align:center}
.card{background:#fff;border:1px solid #e2d4b5;border-radius:10px;padding:18px;margin-bottom:16px}
.badge{display:inline-block;color:#fff;border-radius:999px;padding:4px 14px;font-size:15px;font-weight:600}
.badge-valid{background:#1e7e34}.badge-revoked{background:#b02a37}.badge-superseded{background:#8a5300}.badge-suspended{background:#8a5300}.badge-unknown{background:#5c636a}
.note{margin:10px 0 0;font-size:14px;color:#444}dl{margin:14px 0 0;display:grid;grid-template-columns:6.5em 1fr;gap:8px 10px;font-size:15px}
dt{color:#595959}dd{margin:0;word-break:break-all}form{display:grid;gap:10px}label{font-size:14px;color:#4a4a4a}
input{width:100%;padding:10px;font-size:16px;border:1px solid #8a8a8a;border-radius:6px}button{padding:11px;font-size:16px;border:0;border-radius:6px;background:#a01c1c;color:#fff}
footer{font-size:13px;color:#5c5650;text-align:center}input::placeholder{color:#6b6b6b}`;

/**
 * The one public verification page (the web app's /app/check leads here): plain server-rendered
 * HTML, readable on a phone, no scripts, no style attributes; every text colour meets WCAG AA (4.5:1).
 * The page's one inline style block is allowed by the Content-Security-Policy through its hash
 * (`style-src 'sha256-…'`).
 */
export const VERIFY_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

/** Renders the verification page. */
export function verifyPage(result: PublicVerification | null, form: { serial?: string } = {}): string {
  const parts: string[] = [];
  if (result) {
    const [label, tone, note] = BADGES[result.status];
    const rows: [string, string | null][] = [
      ['证书编号', result.serial],
      ['证书类型', result.title],
      ['持证人', result.holderName],
      ['证书内容', result.subject],
      ['学时', result.hours.length ? result.hours.join('；') : null],
      ['发证单位', result.issuer],
      ['发证日期', result.issuedOn],
      ['撤销日期', result.revokedOn],
      ['暂停日期', result.suspendedOn],
      ['暂停原因', result.suspensionReason],
      ['换发日期', result.supersededOn],
      ['数字签名', result.status === 'unknown' ? null : result.authentic ? '验证通过（内容未被篡改）' : '验证未通过'],
    ];
    parts.push(
      `<section class="card result" aria-live="polite"><span class="badge badge-${tone}">${label}</span><p class="note">${note}</p>`,
      rows.some(([, v]) => v)
        ? `<dl>${rows
            .filter(([, v]) => v)
            .map(([k, v]) => `<dt>${k}</dt><dd>${escape(v!)}</dd>`)
            .join('')}</dl>`
        : '',
      '</section>',
    );
  }
  parts.push(
    `<section class="card"><form method="get" action="/verify">`,
    `<label for="serial">证书编号</label><input id="serial" name="serial" required maxlength="40" placeholder="如 GS-CQO-2026-000123-K7" value="${escape(form.serial ?? '')}">`,
    `<label for="idLast4">持证人身份证号后四位</label><input id="idLast4" name="idLast4" required maxlength="4" inputmode="text" autocomplete="off">`,
    `<button type="submit">核验</button></form></section>`,
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>证书真伪核验</title><style>${STYLE}</style></head>
<body><main><h1>首席质量官培训证书真伪核验</h1>${parts.join('')}<footer>仅显示核验所需信息，持证人姓名已脱敏。</footer></main></body></html>`;
}
