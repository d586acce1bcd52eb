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
 * Certificates drawn as the thread starts. A thread is an isolate of its own: its first renders
 * run in the interpreter while V8 compiles pdfkit, fontkit and the layout for it, on the cores
 * the jobs need. Measured (bench:certificates, 2 threads): after one warm-up render, V8's helper
 * threads spent about 2 ms per certificate per render thread compiling through the first few
 * hundred jobs; this is paid here, once per thread, before the worker takes jobs.
 */
const WARM_UP_RENDERS = 24;

/** The warm-up certificate `i`: the same layout, other texts and QR codes, so every path is exercised. */
function warmUpContent(i: number): CertificateContent {
  const names = ['张三丰', '欧阳明月', '李四', '司马相如'];
  const titles = ['企业质量管理体系建设', '卓越绩效管理', '六西格玛管理', '质量经济分析与成本控制实务（第二期）'];
  return {
    ...WARM_UP,
    serial: `GS-JY-2026-${String(i).padStart(6, '0')}-00`,
    holder: { ...WARM_UP.holder, name: names[i % names.length] },
    facts: { ...WARM_UP.facts, courseTitle: titles[i % titles.length] } as CertificateContent['facts'],
    verifyUrl: `${WARM_UP.verifyUrl}${'ABCDEFGHIJ'.slice(0, i % 10)}`,
  };
}

/**
 * Started as the thread loads this module (before the thread takes its first task): parses the
 * fonts and compiles the drawing code, which a fresh thread's first renders would otherwise pay,
 * tens of times the cost of a warm one.
 */
const warmedUp = (async () => {
  for (let i = 0; i < WARM_UP_RENDERS; i++) await renderer.render(warmUpContent(i));
})();

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
