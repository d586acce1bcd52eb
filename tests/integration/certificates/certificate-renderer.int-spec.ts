import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateRenderer } from '@cqo/certificates';
import { sampleContent } from '../../support/certificate-content';
import { inspectPdf } from '../../support/pdf-inspect';

// The rendered certificates read back as a person's PDF reader would: text and QR code by pdf.js,
// which runs in a child Node process (see tests/support/pdf-inspect.mjs). The renders are left in
// the temporary directory for a person to look at.
async function textOf(pdf: Buffer): Promise<string> {
  return (await inspectPdf(pdf)).text;
}

async function qrOf(pdf: Buffer): Promise<string | undefined> {
  return (await inspectPdf(pdf)).qr[0];
}

const OUT = join(tmpdir(), 'cqo-certificate-renders');

describe('CertificateRenderer, read back', () => {
  const sut = new CertificateRenderer();
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('renders an A4 PDF whose text holds the Chinese name, course title and serial, and whose QR decodes to the verification URL', async () => {
    const content = sampleContent();
    const pdf = await sut.render(content);
    writeFileSync(join(OUT, 'course.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = (await textOf(pdf)).replace(/\s+/g, '');
    expect(text).toContain('张三丰');
    expect(text).toContain('企业质量管理体系建设');
    expect(text).toContain(content.serial);
    expect(text).toContain('结业证书');
    expect(text).toContain('620102********1234');
    expect(text).toContain('14学时');
    expect(await qrOf(pdf)).toBe(content.verifyUrl);
  });

  it('draws a name character the main font lacks (𠮷, CJK Extension B) from the fallback font', async () => {
    const content = sampleContent({ holder: { name: '𠮷田䶮', idNumberMasked: '620102********1234' } });
    const pdf = await sut.render(content);
    writeFileSync(join(OUT, 'fallback-name.pdf'), pdf);
    const text = (await textOf(pdf)).replace(/\s+/g, '');
    expect(text).toContain('𠮷田䶮');
    // Two embedded faces: the main one and the fallback.
    expect(pdf.toString('latin1')).toMatch(/NotoSansJP/);
    expect(pdf.toString('latin1')).toMatch(/NotoSansSC/);
  });

  it('renders the appointment and yearly certificates', async () => {
    const appointment = await sut.render(
      sampleContent({
        kind: 'appointment_training',
        serial: 'GS-CQO-2026-000124-3D',
        subjectKey: 'appointment',
        period: 'once',
        facts: { kind: 'appointment_training', appointmentHours: '24', requiredHours: '21', examPassedAt: '2026-04-01T03:00:00Z' },
      }),
    );
    writeFileSync(join(OUT, 'appointment.pdf'), appointment);
    expect((await textOf(appointment)).replace(/\s+/g, '')).toContain('首席质量官任职培训合格证书');
    const yearly = await sut.render(
      sampleContent({
        kind: 'yearly_continuing',
        serial: 'GS-JX-2026-000125-XX',
        subjectKey: 'continuing-education',
        version: 2,
        previousSerial: 'GS-JX-2026-000100-AB',
        versionIssuedAt: '2026-12-20T02:00:00Z',
        facts: {
          kind: 'yearly_continuing',
          year: 2026,
          category1Hours: '16',
          category1Required: '14',
          category2Hours: '32.5',
          category2Required: '30',
        },
      }),
    );
    writeFileSync(join(OUT, 'yearly.pdf'), yearly);
    const text = (await textOf(yearly)).replace(/\s+/g, '');
    expect(text).toContain('年度继续教育学时证明');
    expect(text).toContain('32.5学时');
    expect(text).toContain('GS-JX-2026-000100-AB');
  });
});
