import { fileTypeFromBuffer } from 'file-type';

/** Evidence may be a PDF or a JPEG/PNG scan, judged by its bytes (never its name or declared type). */
export const EVIDENCE_FILE_TYPES: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
/** Within the API's 5 MiB JSON body limit once base64-encoded. */
export const EVIDENCE_FILE_MAX_BYTES = 3 * 1024 * 1024;

export type EvidenceFileCheck = { ok: true; mime: string; ext: string } | { ok: false; message: string };

/** Checks an evidence file's size and, by its bytes, its type; the message is Chinese, for the field's issue. */
export async function checkEvidenceFile(data: Buffer, maxBytes = EVIDENCE_FILE_MAX_BYTES): Promise<EvidenceFileCheck> {
  if (data.length === 0) return { ok: false, message: '文件为空' };
  if (data.length > maxBytes) return { ok: false, message: `文件不能超过${Math.floor(maxBytes / 1024 / 1024)}MB` };
  const type = await fileTypeFromBuffer(data);
  const ext = type ? EVIDENCE_FILE_TYPES[type.mime] : undefined;
  if (!type || !ext) return { ok: false, message: '仅接受 PDF、JPG、PNG 文件（按文件内容判断）' };
  return { ok: true, mime: type.mime, ext };
}
