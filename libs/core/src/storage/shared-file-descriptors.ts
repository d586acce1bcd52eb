import { close, open } from 'node:fs';
import { promisify } from 'node:util';

const openFile = promisify(open);

interface Entry {
  fd: Promise<number>;
  users: number;
  openedAtMs: number;
  retired: boolean;
  idle?: NodeJS.Timeout;
}

/**
 * One read-only file descriptor per file, shared by the streams reading it at the same time
 * (positional reads, so they do not disturb each other). Each open and close is a trip through
 * libuv's thread pool, which every range request waits its turn in: 200 players reading one
 * lesson video would otherwise open and close it 200 times a second. A descriptor is closed
 * when unused for `idleMs`, and is not handed to new readers once older than `maxAgeMs`, so a
 * file replaced on disk by another process is seen within that time (this process forgets a
 * path itself when it writes or deletes it).
 */
export class SharedFileDescriptors {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeMs = 10_000,
    private readonly idleMs = 2_000,
  ) {}

  /** A descriptor of the file, or null when it does not exist; call `release` once when done. */
  async acquire(path: string): Promise<{ fd: number; release: () => void } | null> {
    let entry = this.entries.get(path);
    if (entry && Date.now() - entry.openedAtMs > this.maxAgeMs) {
      this.retire(path, entry);
      entry = undefined;
    }
    if (!entry) {
      const created: Entry = { fd: openFile(path, 'r'), users: 0, openedAtMs: Date.now(), retired: false };
      created.fd.catch(() => {
        if (this.entries.get(path) === created) this.entries.delete(path);
      });
      this.entries.set(path, created);
      entry = created;
    }
    const used = entry;
    used.users += 1;
    if (used.idle) {
      clearTimeout(used.idle);
      used.idle = undefined;
    }
    let fd: number;
    try {
      fd = await used.fd;
    } catch (error) {
      used.users -= 1;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let released = false;
    return {
      fd,
      release: () => {
        if (released) return;
        released = true;
        this.release(path, used);
      },
    };
  }

  /** Stops sharing the path's current descriptor (the file was written or deleted here). */
  forget(path: string): void {
    const entry = this.entries.get(path);
    if (entry) this.retire(path, entry);
  }

  private release(path: string, entry: Entry): void {
    entry.users -= 1;
    if (entry.users > 0) return;
    if (entry.retired) return closeEntry(entry);
    entry.idle = setTimeout(() => {
      if (entry.users > 0) return;
      if (this.entries.get(path) === entry) this.entries.delete(path);
      closeEntry(entry);
    }, this.idleMs);
    entry.idle.unref();
  }

  private retire(path: string, entry: Entry): void {
    if (this.entries.get(path) === entry) this.entries.delete(path);
    entry.retired = true;
    if (entry.users === 0) {
      if (entry.idle) clearTimeout(entry.idle);
      closeEntry(entry);
    }
  }
}

function closeEntry(entry: Entry): void {
  entry.fd.then(
    (fd) => close(fd, () => undefined),
    () => undefined,
  );
}
