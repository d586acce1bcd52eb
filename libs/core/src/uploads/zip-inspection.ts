import type { Readable, TransformCallback } from 'node:stream';
import { Transform } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { fromBuffer } from 'yauzl';
import { DomainError } from '../errors/domain-error';

/**
 * What a ZIP-based upload (XLSX, SCORM, …) may expand to. Checked against the central directory
 * before anything is inflated, and again against the bytes actually inflated, since a ZIP's
 * declared sizes can lie.
 */
export interface ZipLimits {
  /** Entries in the archive (an XLSX has about ten). */
  maxEntries: number;
  /** Sum of every entry's uncompressed size, declared and inflated. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of any entry larger than {@link RATIO_FLOOR_BYTES}. */
  maxCompressionRatio: number;
}

/** The defaults `UPLOAD_ZIP_*` configuration starts from. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 32 * 1024 * 1024, maxCompressionRatio: 100 };

/** Small entries (styles, an empty sheet) compress far better than data and are harmless. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Error code of every refused upload (a 400 naming the upload's field). */
export const UPLOAD_REJECTED = 'UPLOAD_REJECTED';

/** A refused upload: a 400 whose details name the request field that carried the file. */
export function uploadRejected(field: string, message: string): DomainError {
  return DomainError.invalid(UPLOAD_REJECTED, message, [{ field, message }]);
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * An archive whose central directory passed the limits. Entries are inflated one at a time, on
 * demand, through a counter that stops the stream as soon as the inflated total passes
 * `maxUncompressedBytes` (or an entry passes its declared size: yauzl checks that too).
 */
export class CheckedZip {
  private inflated = 0;
  private readonly byName: Map<string, Entry>;

  constructor(
    private readonly zip: ZipFile,
    entries: Entry[],
    private readonly limits: ZipLimits,
    private readonly field: string,
  ) {
    this.byName = new Map(entries.map((e) => [e.fileName, e]));
  }

  get entries(): ZipEntryInfo[] {
    return [...this.byName.values()].map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    }));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's inflated bytes as a stream; it fails with an upload refusal past the limits. */
  async open(name: string): Promise<Readable> {
    const entry = this.byName.get(name);
    if (!entry) throw uploadRejected(this.field, `压缩文件缺少 ${name}`);
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(this.rejection(error)) : resolve(stream))),
    );
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) => {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxUncompressedBytes) {
          callback(uploadRejected(this.field, `文件解压后超过 ${megabytes(this.limits.maxUncompressedBytes)} MB`));
          return;
        }
        callback(null, chunk);
      },
    });
    raw.once('error', (error) => counter.destroy(this.rejection(error)));
    counter.once('close', () => raw.destroy());
    return raw.pipe(counter);
  }

  /** A whole (small) entry as text, e.g. an XLSX's workbook.xml. */
  async readText(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }

  private rejection(error: Error): Error {
    return error instanceof DomainError ? error : uploadRejected(this.field, '压缩文件已损坏或格式不受支持');
  }
}

/**
 * Reads a ZIP's central directory and refuses it (a 400 naming `field`) when it holds too many
 * entries, expands beyond the size limit, or compresses suspiciously well (a decompression bomb).
 * Nothing is inflated here; the returned archive inflates entries under the same limits.
 */
export async function openCheckedZip(content: Buffer, limits: ZipLimits, field = 'file'): Promise<CheckedZip> {
  const notZip = () => uploadRejected(field, '文件不是有效的 ZIP/XLSX 文件');
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(content, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error ? reject(notZip()) : resolve(file),
    ),
  );
  const entries: Entry[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(notZip()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        entries.push(entry);
        declared += entry.uncompressedSize;
        const problem =
          entries.length > limits.maxEntries
            ? `压缩文件条目超过 ${limits.maxEntries} 个`
            : declared > limits.maxUncompressedBytes
              ? `文件解压后超过 ${megabytes(limits.maxUncompressedBytes)} MB`
              : entry.uncompressedSize > RATIO_FLOOR_BYTES &&
                  entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
                ? `文件压缩比异常（超过 ${limits.maxCompressionRatio}:1），疑似压缩炸弹`
                : entry.isEncrypted()
                  ? '不支持加密的压缩文件'
                  : null;
        if (problem) reject(uploadRejected(field, problem));
        else zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  return new CheckedZip(zip, entries, limits, field);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
