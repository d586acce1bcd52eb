import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { TestApi } from './api';

/** The demo lesson video shipped in the repository (45 minutes, H.264/AAC, about 0.5 MB). */
export const DEMO_VIDEO_PATH = join(__dirname, '../../apps/cli/assets/demo-lesson.mp4');
export const demoVideo = (): Buffer => readFileSync(DEMO_VIDEO_PATH);

/** A small valid PDF of `pages` pages. */
export function smallPdf(pages = 2): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 1; i <= pages; i++) {
      if (i > 1) doc.addPage();
      doc.fontSize(24).text(`Handout page ${i}`);
    }
    doc.end();
  });
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A response of the tus helpers, shaped like the in-process one. */
export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any;
}

/**
 * tus requests go over a real socket (the API listening on `baseUrl`): the in-process injector
 * does not finish a hijacked 204 answer to a partial PATCH.
 */
async function send(baseUrl: string, path: string, init: RequestInit): Promise<HttpAnswer> {
  const res = await fetch(baseUrl + path, init);
  const body = await res.text();
  if (res.status >= 500) throw new Error(`${init.method} ${path} answered ${res.status}: ${body}`);
  return { statusCode: res.status, headers: Object.fromEntries(res.headers.entries()), body, json: () => JSON.parse(body) };
}

/** tus creation: POST /content-uploads. */
export function createUpload(baseUrl: string, token: string, length: number, metadata: Record<string, string>): Promise<HttpAnswer> {
  return send(baseUrl, '/content-uploads', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': Object.entries(metadata)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
    },
  });
}

/** tus PATCH of `bytes` at `offset`. */
export function appendUpload(baseUrl: string, token: string, location: string, offset: number, bytes: Buffer): Promise<HttpAnswer> {
  return send(baseUrl, location, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(bytes),
  });
}

/** tus HEAD: where to resume. */
export function uploadOffset(baseUrl: string, token: string, location: string): Promise<HttpAnswer> {
  return send(baseUrl, location, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } });
}

/** Uploads a whole file in one PATCH; returns the finishing response. */
export async function uploadWhole(baseUrl: string, token: string, bytes: Buffer, metadata: Record<string, string>): Promise<HttpAnswer> {
  const created = await createUpload(baseUrl, token, bytes.length, metadata);
  if (created.statusCode !== 201) return created;
  return appendUpload(baseUrl, token, created.headers.location, 0, bytes);
}

/** Starts the API on a free local port; returns its base URL. */
export async function listen(api: TestApi): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}
