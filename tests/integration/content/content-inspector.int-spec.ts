import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentRejected, inspectContent } from '../../../libs/courses/src/content/content-inspector';

const DEMO_VIDEO = join(__dirname, '../../../apps/cli/assets/demo-lesson.mp4');
/** 61 s of VP9 video with silent Opus sound, 160×90 (made with Debian's ffmpeg, tests/support/assets/README.md). */
const WEBM_LESSON = join(__dirname, '../../support/assets/lesson-61s.webm');

describe('inspectContent', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cqo-inspect-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the demo video: MP4, 45 minutes', async () => {
    const sut = await inspectContent(DEMO_VIDEO, 'video');
    expect(sut).toMatchObject({ kind: 'video', mimeType: 'video/mp4' });
    expect(sut.durationSeconds).toBeCloseTo(2700, 0);
  });

  it('reads a WebM (VP9/Opus) video and its real duration', async () => {
    const sut = await inspectContent(WEBM_LESSON, 'video');
    expect(sut).toMatchObject({ kind: 'video', mimeType: 'video/webm' });
    expect(sut.durationSeconds).toBeCloseTo(61, 0);
  });

  it('refuses a program renamed to .mp4', async () => {
    const exe = join(dir, 'lesson.mp4');
    await writeFile(exe, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 7)]));
    await expect(inspectContent(exe, 'video')).rejects.toThrow(ContentRejected);
    await expect(inspectContent(exe, 'video')).rejects.toThrow(/不是 MP4/);
  });

  it('refuses a truncated MP4', async () => {
    const bytes = await readFile(DEMO_VIDEO);
    const cut = join(dir, 'cut.mp4');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(inspectContent(cut, 'video')).rejects.toThrow(/截断/);
  });

  it('refuses a video where a PDF is expected', async () => {
    const copy = join(dir, 'handout.pdf');
    await copyFile(DEMO_VIDEO, copy);
    await expect(inspectContent(copy, 'document')).rejects.toThrow(/不是 PDF/);
  });
});
