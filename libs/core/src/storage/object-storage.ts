import { renameSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { PositionalReadStream } from './positional-read-stream';
import { SharedFileDescriptors } from './shared-file-descriptors';

/**
 * Bytes read at a time by openStream (Node's default). 128 KiB halved the reads per range but let
 * each stream hold the event loop and the thread pool longer per turn: with 200 concurrent
 * streams the p99 time to a new request's first byte rose from ~210 ms to 285–340 ms
 * (bench:content, same throughput).
 */
const STREAM_CHUNK_BYTES = 64 * 1024;

/**
 * Objects up to this size are written with synchronous calls: the asynchronous write is four
 * trips through libuv's thread pool (open, write, close, rename), each a hand-off and a wake-up,
 * which cost more than writing 32 KB into the page cache; on a busy machine each trip also waits
 * for the CPU (bench:certificates at load 13: open, close and rename held the worker's event loop
 * about 8 ms per certificate). Larger objects keep the event loop free.
 */
const SYNC_WRITE_MAX_BYTES = 128 * 1024;

/** Size and modification time of a stored object. */
export interface StoredObjectInfo {
  size: number;
  modifiedAt: Date;
}

/**
 * Where the product keeps files: certificate PDFs, report files, lesson videos and documents.
 * The database keeps metadata and hashes; the bytes live here under keys such as
 * `certificates/2026/GS-JY-2026-000123-7Q.pdf` or `content/<org>/<id>.mp4`. An S3-compatible
 * store can replace the file system by implementing these methods.
 */
export abstract class ObjectStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** Moves (or copies) a finished local file in, e.g. a completed upload; the source is gone afterwards. */
  abstract putFile(key: string, sourcePath: string): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  abstract get(key: string): Promise<Buffer | null>;
  abstract exists(key: string): Promise<boolean>;
  abstract info(key: string): Promise<StoredObjectInfo | null>;
  /** A stream of the stored bytes (inclusive `range`), or null when there is no such object. */
  abstract openStream(key: string, range?: { start: number; end: number }): Promise<Readable | null>;
  abstract delete(key: string): Promise<void>;
}

/** Files under STORAGE_DIR (a volume in docker-compose). Writes are atomic: temp file, then rename. */
export class FileSystemObjectStorage extends ObjectStorage {
  private readonly made = new Set<string>();
  private readonly descriptors = new SharedFileDescriptors();

  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = await this.prepare(key);
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    if (data.length <= SYNC_WRITE_MAX_BYTES) {
      writeFileSync(temp, data);
      renameSync(temp, path);
    } else {
      await writeFile(temp, data);
      await rename(temp, path);
    }
    // A reader opening the key from now on must see the new file, not a shared old descriptor.
    this.descriptors.forget(path);
  }

  async putFile(key: string, sourcePath: string): Promise<void> {
    const path = await this.prepare(key);
    try {
      await rename(sourcePath, path);
    } catch (error) {
      // Another volume: copy to a temp name beside the target, then rename (still atomic).
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await copyFile(sourcePath, temp);
      await rename(temp, path);
      await unlink(sourcePath);
    } finally {
      this.descriptors.forget(path);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.info(key)) !== null;
  }

  async info(key: string): Promise<StoredObjectInfo | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async openStream(key: string, range?: { start: number; end: number }): Promise<Readable | null> {
    // A missing file is null rather than a stream error, without a stat first (each file-system
    // call waits its turn in libuv's thread pool, which every range request shares); concurrent
    // readers of one file share its descriptor (see SharedFileDescriptors).
    const opened = await this.descriptors.acquire(this.pathOf(key));
    if (!opened) return null;
    // Positional reads from a descriptor the stream does not own; it releases it when done.
    return new PositionalReadStream(opened.fd, range?.start ?? 0, range?.end ?? Infinity, STREAM_CHUNK_BYTES, opened.release);
  }

  async delete(key: string): Promise<void> {
    this.descriptors.forget(this.pathOf(key));
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private async prepare(key: string): Promise<string> {
    const path = this.pathOf(key);
    const dir = dirname(path);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    return path;
  }

  private pathOf(key: string): string {
    const clean = normalize(key);
    if (clean.startsWith('..') || clean.startsWith(sep) || clean.includes(`${sep}..${sep}`)) throw new Error(`bad storage key ${key}`);
    return join(this.root, clean);
  }
}
