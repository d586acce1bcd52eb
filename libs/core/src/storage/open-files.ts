import { close, open } from 'node:fs';
import { promisify } from 'node:util';

const openFile = promisify(open);
const closeFile = promisify(close);

interface OpenFile {
  fd: Promise<number>;
  /** Streams reading it now; it is closed only when none is. */
  users: number;
  idleSince: number;
  /** Replaced or deleted while in use: closed by its last user, never handed out again. */
  stale: boolean;
}

/**
 * File descriptors of stored objects kept open between reads, shared by concurrent streams
 * (positional reads, so one descriptor serves any number of ranges at once). Each media range
 * request would otherwise open and close the file: two more trips through libuv's thread pool,
 * which every request and every stream's reads wait in, the open one before the first byte.
 *
 * For objects that never change once written (lesson content: a new upload is a new key). This
 * process forgets a descriptor as soon as it replaces or deletes the object; another process
 * keeps reading the old bytes until the descriptor has been idle for `idleMs`.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly idleMs = 30_000,
    private readonly maxIdle = 256,
  ) {
    this.sweeper = setInterval(() => this.sweep(Date.now() - this.idleMs), Math.max(1000, idleMs / 2));
    this.sweeper.unref();
  }

  /** A descriptor of `path` for one reader, who calls the returned release once done; ENOENT when there is no such file. */
  async acquire(path: string): Promise<{ fd: number; release: () => void }> {
    let file = this.files.get(path);
    if (!file) {
      const opened: OpenFile = { fd: openFile(path, 'r'), users: 0, idleSince: Date.now(), stale: false };
      file = opened;
      this.files.set(path, opened);
      opened.fd.catch(() => {
        if (this.files.get(path) === opened) this.files.delete(path);
      });
    }
    file.users++;
    let fd: number;
    try {
      fd = await file.fd;
    } catch (error) {
      file.users--;
      throw error;
    }
    let released = false;
    const owner = file;
    return {
      fd,
      release: () => {
        if (released) return;
        released = true;
        owner.users--;
        owner.idleSince = Date.now();
        if (owner.stale && owner.users === 0) void closeFile(fd).catch(() => undefined);
        else if (this.files.size > this.maxIdle) this.sweep(Number.POSITIVE_INFINITY);
      },
    };
  }

  /** Forgets `path` (replaced or deleted): closed now, or by its last reader. */
  forget(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    this.files.delete(path);
    file.stale = true;
    if (file.users === 0) void file.fd.then((fd) => closeFile(fd)).catch(() => undefined);
  }

  /** Closes every descriptor idle since before `before`. */
  private sweep(before: number): void {
    for (const [path, file] of this.files) {
      if (file.users === 0 && file.idleSince < before) this.forget(path);
    }
  }

  /** Closes what is idle and stops the sweeper (process shutdown, tests). */
  close(): void {
    clearInterval(this.sweeper);
    this.sweep(Number.POSITIVE_INFINITY);
  }
}
