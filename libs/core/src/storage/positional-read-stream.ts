import { read } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * Reads bytes `start`..`end` (inclusive) of a file through a descriptor it does not own.
 *
 * Not fs.ReadStream: that one closes its descriptor when destroyed even with `autoClose: false`,
 * and a shared descriptor closed there and again by its owner can close whatever socket took the
 * number in between (a client aborting a video range request did exactly that to a database
 * connection). `onDone` runs once, after any read in flight has returned, however the stream
 * ends: at its end, on an error, or when destroyed early.
 */
export class PositionalReadStream extends Readable {
  private position: number;
  private reading = false;
  private afterRead?: () => void;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
    chunkBytes: number,
    private readonly onDone: () => void,
  ) {
    super({ highWaterMark: chunkBytes });
    this.position = start;
  }

  override _read(size: number): void {
    const length = Math.min(size, this.end - this.position + 1);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    this.reading = true;
    read(this.fd, buffer, 0, length, this.position, (error, bytesRead) => {
      this.reading = false;
      if (this.afterRead) return this.afterRead();
      if (error) return this.destroy(error);
      if (bytesRead === 0) return void this.push(null);
      this.position += bytesRead;
      this.push(bytesRead < length ? buffer.subarray(0, bytesRead) : buffer);
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const finish = () => {
      this.onDone();
      callback(error);
    };
    // The descriptor may be closed once released, so never while the thread pool still reads it.
    if (this.reading) this.afterRead = finish;
    else finish();
  }
}
