import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';
import type { ContentKind } from '../entities/content-file.entity';

/** What the bytes of an uploaded file turned out to be. */
export interface InspectedContent {
  kind: ContentKind;
  mimeType: string;
  /** Real playing time of a video. */
  durationSeconds: number | null;
  sizeBytes: number;
}

/** Why an uploaded file is refused (the message is shown to the uploader). */
export class ContentRejected extends Error {}

const VIDEO_TYPES = new Set(['video/mp4', 'video/webm']);

/**
 * Checks an uploaded file by its bytes, never its name: the type from its signature (file-type),
 * that it is whole (an MP4's top-level boxes end inside the file, a PDF ends with %%EOF), and a
 * video's real duration from its metadata (music-metadata, pure JS; the MP4 movie header when a
 * video has no sound). Both libraries are ES
 * modules, loaded on first use.
 */
export async function inspectContent(path: string, expected: ContentKind): Promise<InspectedContent> {
  const { fileTypeFromFile } = await import('file-type');
  const sizeBytes = (await stat(path)).size;
  const type = await fileTypeFromFile(path);
  const mime = type?.mime === 'video/quicktime' || type?.mime === 'audio/mp4' ? 'video/mp4' : type?.mime;
  if (expected === 'document') {
    if (mime !== 'application/pdf') throw new ContentRejected(`文件内容不是 PDF（检测到：${type?.mime ?? '未知类型'}）`);
    if (!(await endsWithPdfTrailer(path, sizeBytes))) throw new ContentRejected('PDF 文件不完整（缺少文件结尾）');
    return { kind: 'document', mimeType: 'application/pdf', durationSeconds: null, sizeBytes };
  }
  if (!mime || !VIDEO_TYPES.has(mime)) throw new ContentRejected(`文件内容不是 MP4 或 WebM 视频（检测到：${type?.mime ?? '未知类型'}）`);
  const movieDuration = mime === 'video/mp4' ? await wholeMp4Duration(path, sizeBytes) : undefined;
  const { parseFile } = await import('music-metadata');
  let duration: number | undefined;
  try {
    duration = (await parseFile(path, { duration: true, skipCovers: true })).format.duration;
  } catch {
    throw new ContentRejected('视频文件已损坏，无法读取时长');
  }
  // music-metadata reads the duration from the audio track; a silent MP4 has its movie header's.
  duration ??= movieDuration;
  if (!duration || !Number.isFinite(duration) || duration < 60) throw new ContentRejected('无法读取视频时长，或视频短于 1 分钟');
  return { kind: 'video', mimeType: mime, durationSeconds: Math.round(duration * 1000) / 1000, sizeBytes };
}

/**
 * Walks the top-level boxes of an ISO BMFF file: each must end inside the file, and there must be
 * a moov and an mdat. Returns the movie header's duration (seconds), if readable.
 */
async function wholeMp4Duration(path: string, size: number): Promise<number | undefined> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const seen = new Set<string>();
    let duration: number | undefined;
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await file.read(header, 0, 16, offset);
      if (bytesRead < 8) throw new ContentRejected('MP4 文件不完整（被截断）');
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) {
        if (bytesRead < 16) throw new ContentRejected('MP4 文件不完整（被截断）');
        boxSize = Number(header.readBigUInt64BE(8));
      } else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8 || offset + boxSize > size) throw new ContentRejected('MP4 文件不完整（被截断）');
      seen.add(type);
      if (type === 'moov') duration = await movieHeaderDuration(file, offset + 8, Math.min(boxSize - 8, 1 << 20));
      offset += boxSize;
    }
    if (!seen.has('moov') || !seen.has('mdat')) throw new ContentRejected('MP4 文件不完整（缺少 moov 或 mdat）');
    return duration;
  } finally {
    await file.close();
  }
}

/** The `mvhd` child of a moov box: duration ÷ timescale. */
async function movieHeaderDuration(file: FileHandle, start: number, length: number): Promise<number | undefined> {
  const moov = Buffer.alloc(length);
  await file.read(moov, 0, length, start);
  for (let at = 0; at + 8 <= moov.length;) {
    const boxSize = moov.readUInt32BE(at);
    if (boxSize < 8) return undefined;
    if (moov.toString('latin1', at + 4, at + 8) === 'mvhd' && at + 40 <= moov.length) {
      const v1 = moov[at + 8] === 1;
      const timescale = moov.readUInt32BE(at + (v1 ? 28 : 20));
      const units = v1 ? Number(moov.readBigUInt64BE(at + 32)) : moov.readUInt32BE(at + 24);
      return timescale > 0 ? units / timescale : undefined;
    }
    at += boxSize;
  }
  return undefined;
}

async function endsWithPdfTrailer(path: string, size: number): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const length = Math.min(1024, size);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    return tail.toString('latin1').includes('%%EOF');
  } finally {
    await file.close();
  }
}
