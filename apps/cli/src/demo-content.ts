import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ContentFilesService } from '@cqo/courses';

/** The demo lesson video: generated once with Debian's ffmpeg (45 min, 320×180, 2 fps H.264, silent AAC), about 0.5 MB. */
export function demoVideoPath(): string {
  // From the sources (apps/cli/src) or the build (dist/apps/cli/src).
  const candidates = [join(__dirname, '../assets/demo-lesson.mp4'), join(__dirname, '../../../../apps/cli/assets/demo-lesson.mp4')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`demo video missing: ${candidates.join(' or ')}`);
  return found;
}

/** A two-page Chinese handout for the demo document lesson, drawn at seed time (Noto Sans SC, subset). */
export function renderDemoHandout(): Promise<Buffer> {
  const font = join(dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '400Regular/NotoSansSC_400Regular.ttf');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '甘肃省推行首席质量官制度讲义' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('sc', font).font('sc');
    doc.fontSize(20).text('甘肃省推行首席质量官制度讲义', { align: 'center' }).moveDown();
    doc.fontSize(12).text('第一页：制度要点', { underline: true }).moveDown(0.5);
    for (const line of [
      '一、国有企业和规模以上生产企业设立首席质量官。',
      '二、首席质量官完成任职培训（第一类，不少于 21 学时）。',
      '三、每年完成继续教育（第一类不少于 14 学时，第二类不少于 30 学时）。',
      '四、首席质量官任期一般为 3 年，企业每年书面报告履职情况。',
    ]) {
      doc.text(line).moveDown(0.3);
    }
    doc.addPage();
    doc.fontSize(12).text('第二页：学习与学时', { underline: true }).moveDown(0.5);
    doc.text('线上学习由平台服务器计时：视频按实际观看进度计入，不能快进；文档按页面可见时间计入。').moveDown(0.3);
    doc.text('学习期间会随机弹出确认，未及时确认时暂停计时；同一时间只能在一个窗口或设备上学习。');
    doc.end();
  });
}

/** Imports the demo video and the rendered handout as files of the organization; returns their ids. */
export async function seedDemoContent(
  content: ContentFilesService,
  organizationId: string,
  orgAdminId: string,
): Promise<{ videoId: string; handoutId: string }> {
  const video = await content.importCopy(organizationId, orgAdminId, 'video', demoVideoPath(), '首席质量官制度导学.mp4');
  const dir = await mkdtemp(join(tmpdir(), 'cqo-demo-'));
  try {
    const handoutPath = join(dir, 'handout.pdf');
    await writeFile(handoutPath, await renderDemoHandout());
    const handout = await content.importCopy(organizationId, orgAdminId, 'document', handoutPath, '甘肃省推行首席质量官制度讲义.pdf');
    return { videoId: video.id, handoutId: handout.id };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
