import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';

/**
 * Where certificate PDFs live. The database keeps the metadata and the SHA-256; the bytes live
 * here, under keys like `certificates/2026/GS-JY-2026-000123-7Q.pdf`. An S3-compatible store
 * can replace the file system by implementing these four methods.
 */
export abstract class CertificateStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  abstract get(key: string): Promise<Buffer | null>;
  abstract exists(key: string): Promise<boolean>;
  /** A stream of the stored bytes, or null when there is no such object (for ZIP exports). */
  abstract openStream(key: string): Promise<Readable | null>;
}

/** Files under STORAGE_DIR (a volume in docker-compose). Writes are atomic: temp file, then rename. */
export class FileSystemCertificateStorage extends CertificateStorage {
  private readonly made = new Set<string>();

  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const dir = dirname(path);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
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
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async openStream(key: string): Promise<Readable | null> {
    if (!(await this.exists(key))) return null;
    return createReadStream(this.pathOf(key));
  }

  private pathOf(key: string): string {
    const clean = normalize(key);
    if (clean.startsWith('..') || clean.startsWith(sep) || clean.includes(`${sep}..${sep}`)) throw new Error(`bad storage key ${key}`);
    return join(this.root, clean);
  }
}
