import { fstatSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileSystemObjectStorage } from './object-storage';
import { PositionalReadStream } from './positional-read-stream';
import { SharedFileDescriptors } from './shared-file-descriptors';

const text = async (stream: Readable | null) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

/** Resolves once the descriptor is closed (the close runs in libuv's thread pool); fails after 2 s. */
async function closed(fd: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      fstatSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EBADF') return;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`descriptor ${fd} still open`);
}

describe('FileSystemObjectStorage streams', () => {
  let dir: string;
  let storage: FileSystemObjectStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cqo-storage-'));
    storage = new FileSystemObjectStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('serves concurrent ranges of one file, each its own bytes, and the whole file after them', async () => {
    await storage.put('content/a.txt', Buffer.from('0123456789abcdefghij'));
    const parts = await Promise.all([
      storage.openStream('content/a.txt', { start: 10, end: 14 }).then(text),
      storage.openStream('content/a.txt', { start: 0, end: 3 }).then(text),
      storage.openStream('content/a.txt', { start: 15, end: 19 }).then(text),
    ]);
    expect(parts).toEqual(['abcde', '0123', 'fghij']);
    expect(await text(await storage.openStream('content/a.txt'))).toBe('0123456789abcdefghij');
  });

  it('closes the shared descriptor once its readers are done (ended or abandoned)', async () => {
    const descriptors = new SharedFileDescriptors(10_000, 0);
    await storage.put('content/c.txt', Buffer.from('abc'));
    const path = join(dir, 'content/c.txt');
    const one = (await descriptors.acquire(path))!;
    const two = (await descriptors.acquire(path))!;
    expect(two.fd).toBe(one.fd);
    one.release();
    one.release(); // twice counts once
    expect(fstatSync(one.fd).isFile()).toBe(true);
    two.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(() => fstatSync(one.fd)).toThrow(/EBADF/);
    // The storage's streams release theirs at their end and when destroyed early.
    expect(await text(await storage.openStream('content/c.txt'))).toBe('abc');
    (await storage.openStream('content/c.txt'))!.destroy();
  });

  it('an abandoned stream leaves the shared descriptor to the readers still using it', async () => {
    const bytes = Buffer.alloc(1024 * 1024, 7);
    await storage.put('content/v.bin', bytes);
    const abandoned = (await storage.openStream('content/v.bin'))!;
    const kept = (await storage.openStream('content/v.bin'))!;
    // The first chunk arrives, then the client goes away (as browsers do with media ranges).
    await new Promise((resolve) => abandoned.once('data', resolve));
    abandoned.destroy();
    await new Promise((resolve) => abandoned.once('close', resolve));
    const chunks: Buffer[] = [];
    for await (const chunk of kept) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('does not close a descriptor it was lent when destroyed', async () => {
    const descriptors = new SharedFileDescriptors(10_000, 60_000);
    await storage.put('content/d.txt', Buffer.from('abcdef'));
    const lent = (await descriptors.acquire(join(dir, 'content/d.txt')))!;
    const stream = new PositionalReadStream(lent.fd, 0, Infinity, 2, lent.release);
    await new Promise((resolve) => stream.once('data', resolve));
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect(fstatSync(lent.fd).isFile()).toBe(true);
    lent.release(); // already released by the stream: counts once, the idle close stays pending
    expect(fstatSync(lent.fd).isFile()).toBe(true);
    descriptors.forget(join(dir, 'content/d.txt'));
    await closed(lent.fd);
  });

  it('reads what was written last, and null once deleted', async () => {
    await storage.put('content/b.txt', Buffer.from('first'));
    expect(await text(await storage.openStream('content/b.txt'))).toBe('first');
    await storage.put('content/b.txt', Buffer.from('second'));
    expect(await text(await storage.openStream('content/b.txt'))).toBe('second');
    await storage.delete('content/b.txt');
    expect(await storage.openStream('content/b.txt')).toBeNull();
    expect(await storage.openStream('content/never.txt')).toBeNull();
  });
});
