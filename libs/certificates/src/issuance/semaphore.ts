/**
 * At most `permits` holders at once; the others wait in order. Rendering a certificate is
 * CPU-bound on the event loop: letting a hundred issuances render at once would starve the
 * database round trips of those already rendered until the pool's connect timeout.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly permits: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.permits) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
