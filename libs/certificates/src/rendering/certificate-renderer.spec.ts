import { DomainError } from '@cqo/core';
import { sampleContent } from '../../../../tests/support/certificate-content';
import { sha256Hex } from '../signing/certificate-signer';
import { CertificateRenderer, formatHours } from './certificate-renderer';

// What the rendered PDFs say (text, QR code, fonts) is read back by pdf.js in a child process:
// tests/integration/certificates/certificate-renderer.int-spec.ts.
describe('CertificateRenderer', () => {
  const sut = new CertificateRenderer();

  it('renders the same bytes for the same content, and different bytes for another issue instant', async () => {
    const a = await sut.render(sampleContent());
    const b = await sut.render(sampleContent());
    expect(sha256Hex(a)).toBe(sha256Hex(b));
    const later = await sut.render(sampleContent({ issuedAt: '2026-03-16T01:00:00.000Z', versionIssuedAt: '2026-03-16T01:00:00.000Z' }));
    expect(sha256Hex(later)).not.toBe(sha256Hex(a));
  });

  it('refuses a name with a character no embedded font has, naming the character', () => {
    const content = sampleContent({ holder: { name: '王𪚥', idNumberMasked: '620102********1234' } });
    let error: unknown;
    try {
      sut.assertPrintable(content);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CERTIFICATE_GLYPH_MISSING', details: [{ field: 'holder.name' }] });
    expect((error as Error).message).toContain('𪚥');
    expect((error as Error).message).toContain('U+2A6A5');
  });

  it('formats exact decimal hours without trailing zeros', () => {
    expect(formatHours('14.0')).toBe('14');
    expect(formatHours('2.50')).toBe('2.5');
    expect(formatHours('30')).toBe('30');
  });
});
