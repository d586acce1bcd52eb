import { SerialBlocks } from './serial-blocks';

/** A stand-in for the database sequence: counts the round trips. */
function fakeSequence() {
  let last = 0n;
  const calls: number[] = [];
  return {
    calls,
    draw: async (count: number) => {
      calls.push(count);
      await new Promise((r) => setImmediate(r));
      // Returned out of order on purpose: the blocks hand them out in increasing order.
      return Array.from({ length: count }, () => String(++last)).reverse();
    },
  };
}

describe('serial blocks', () => {
  it('draws 16 numbers per round trip and hands them out in increasing order', async () => {
    const sequence = fakeSequence();
    const blocks = new SerialBlocks(sequence.draw);
    const got: string[] = [];
    for (let i = 0; i < 40; i++) got.push(await blocks.next());
    expect(sequence.calls).toEqual([16, 16, 16]);
    expect(got).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
  });

  it('lets concurrent callers share one draw and gives each a distinct number', async () => {
    const sequence = fakeSequence();
    const blocks = new SerialBlocks(sequence.draw);
    const got = await Promise.all(Array.from({ length: 33 }, () => blocks.next()));
    expect(new Set(got).size).toBe(33);
    expect(sequence.calls).toEqual([16, 16, 16]);
  });

  it('keeps numbers past 2^53 exact (bigint sequence)', async () => {
    const blocks = new SerialBlocks(async (count) => Array.from({ length: count }, (_, i) => String(9007199254740993n + BigInt(i))), 2);
    expect(await blocks.next()).toBe('9007199254740993');
    expect(await blocks.next()).toBe('9007199254740994');
  });

  it('draws again after a failed draw', async () => {
    let fail = true;
    const blocks = new SerialBlocks(async (count) => {
      if (fail) {
        fail = false;
        throw new Error('connection lost');
      }
      return Array.from({ length: count }, (_, i) => String(i + 1));
    });
    await expect(blocks.next()).rejects.toThrow('connection lost');
    expect(await blocks.next()).toBe('1');
  });
});
