import { move } from 'piscina';
import type { CertificateContent } from '../certificate.types';
import { CertificateRenderer } from './certificate-renderer';

/**
 * The body of a certificate render thread (see CertificateRenderPool). This module and what it
 * imports stay small (pdfkit, fontkit, qrcode, the renderer): every thread loads them.
 */
const renderer = new CertificateRenderer();

/** A certificate like the real ones (same faces, same layout), drawn once as the thread starts. */
const WARM_UP: CertificateContent = {
  format: 1,
  serial: 'GS-JY-2026-000000-00',
  kind: 'course_completion',
  version: 1,
  previousSerial: null,
  holder: { name: '张三丰', idNumberMasked: '620102********0000' },
  subjectKey: '00000000-0000-4000-8000-000000000000',
  period: '2026',
  facts: {
    kind: 'course_completion',
    enrollmentId: '00000000-0000-4000-8000-000000000000',
    courseId: '00000000-0000-4000-8000-000000000000',
    courseVersionId: '00000000-0000-4000-8000-000000000000',
    organizationId: '00000000-0000-4000-8000-000000000000',
    courseTitle: '企业质量管理体系建设',
    organizationName: '甘肃省质量发展研究院',
    category: 1,
    trainingKind: 'continuing',
    creditHours: '8',
    completedAt: '2026-01-01T00:00:00.000Z',
  },
  issuer: '甘肃省首席质量官培训平台',
  issuedAt: '2026-01-01T00:00:00.000Z',
  versionIssuedAt: '2026-01-01T00:00:00.000Z',
  verifyUrl: 'http://localhost/verify/AAAAAAAAAAAAAAAAAAAAAA',
};

/**
 * Started as the thread loads this module (before the thread takes its first task): parses the
 * fonts and compiles the drawing code, which a fresh thread's first render would otherwise pay,
 * tens of times the cost of the next one.
 */
const warmedUp = renderer.render(WARM_UP).then(() => undefined);

export default async function renderCertificate(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await renderer.render(content);
  // Moved to the calling thread, not copied (a view of a larger allocation is copied once first,
  // so that nothing else goes with it).
  const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
  return move(own) as Uint8Array;
}

/** Resolves when this thread has warmed up. */
export function warm(): Promise<void> {
  return warmedUp;
}
