import { checkEvidenceFile } from './evidence-file';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('evidence file check', () => {
  it('takes a PDF, JPEG or PNG by its bytes', async () => {
    await expect(checkEvidenceFile(PNG)).resolves.toEqual({ ok: true, mime: 'image/png', ext: 'png' });
    await expect(checkEvidenceFile(Buffer.from('%PDF-1.7\n%%EOF\n'))).resolves.toMatchObject({ ok: true, ext: 'pdf' });
  });

  it('refuses other bytes whatever the name, empty files and files over the limit', async () => {
    await expect(checkEvidenceFile(Buffer.from('<html>not a scan</html>'))).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('PDF'),
    });
    await expect(checkEvidenceFile(Buffer.alloc(0))).resolves.toEqual({ ok: false, message: '文件为空' });
    const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    await expect(checkEvidenceFile(big)).resolves.toEqual({ ok: false, message: '文件不能超过3MB' });
  });
});
