import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileSystemObjectStorage } from '@cqo/core';

/** Streams of stored objects share one open descriptor per file; these check that sharing never mixes bytes. */
describe('FileSystemObjectStorage.openStream', () => {
  let dir: string;
  let storage: FileSystemObjectStorage;
  const bytes = randomBytes(1024 * 1024 + 123);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cqo-storage-streams-'));
    storage = new FileSystemObjectStorage(dir);
    await storage.put('content/a/video.mp4', bytes);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const read = async (stream: Readable | null): Promise<Buffer> => {
    if (!stream) throw new Error('no stream');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('serves many ranges and whole copies of one file at once, each with its own bytes', async () => {
    const ranges = Array.from({ length: 40 }, (_, i) => {
      const start = (i * 26_111) % (bytes.length - 300_000);
      return { start, end: start + 1000 + i * 7_000 };
    });
    const [whole1, whole2, ...parts] = await Promise.all([
      read(await storage.openStream('content/a/video.mp4')),
      read(await storage.openStream('content/a/video.mp4')),
      ...ranges.map(async (r) => read(await storage.openStream('content/a/video.mp4', r))),
    ]);
    expect(whole1.equals(bytes)).toBe(true);
    expect(whole2.equals(bytes)).toBe(true);
    parts.forEach((part, i) => expect(part.equals(bytes.subarray(ranges[i].start, ranges[i].end + 1))).toBe(true));
  });

  it('a stream abandoned half-way leaves the file readable by the next', async () => {
    const abandoned = await storage.openStream('content/a/video.mp4');
    await new Promise<void>((resolve) => abandoned!.once('data', () => resolve()));
    abandoned!.destroy();
    expect((await read(await storage.openStream('content/a/video.mp4', { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
  });

  it('after a replacement or a deletion, this process reads the new bytes or nothing', async () => {
    const key = 'content/a/replaced.pdf';
    await storage.put(key, Buffer.from('first version'));
    expect((await read(await storage.openStream(key))).toString()).toBe('first version');
    await storage.put(key, Buffer.from('second version'));
    expect((await read(await storage.openStream(key))).toString()).toBe('second version');
    await storage.delete(key);
    expect(await storage.openStream(key)).toBeNull();
    expect(await storage.openStream('content/a/never-stored.mp4')).toBeNull();
  });
});
