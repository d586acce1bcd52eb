/** Serial numbers drawn from the sequence per round trip. */
export const SERIAL_BLOCK_SIZE = 16;

/**
 * Serial sequence numbers handed out from blocks drawn `size` at a time (one round trip per
 * block instead of one per certificate). Concurrent callers share one draw. Numbers come from
 * the database sequence, so they are never reused across processes; numbers a process drew and
 * did not use before it ended are skipped, as a rolled-back `nextval` always was. Within a
 * process they are handed out in increasing order.
 */
export class SerialBlocks {
  private readonly numbers: bigint[] = [];
  private refill: Promise<void> | null = null;

  constructor(
    private readonly draw: (count: number) => Promise<readonly string[]>,
    private readonly size = SERIAL_BLOCK_SIZE,
  ) {}

  async next(): Promise<string> {
    for (;;) {
      const n = this.numbers.shift();
      if (n !== undefined) return n.toString();
      this.refill ??= this.draw(this.size)
        .then((drawn) => {
          if (drawn.length === 0) throw new Error('the serial sequence gave no numbers');
          this.numbers.push(...drawn.map((d) => BigInt(d)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        })
        .finally(() => {
          this.refill = null;
        });
      await this.refill;
    }
  }
}
