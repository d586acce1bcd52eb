import { createHash, randomBytes } from 'node:crypto';

/** A uniform random number in [0, 1). */
export type Random = () => number;

/** A fresh seed for an attempt: 128 random bits as hex. It is stored so a draw can be replayed. */
export function newSeed(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A seeded PRNG (sfc32, from PractRand) whose four 32-bit words come from SHA-256 of the seed
 * text, so any string seeds it and nearby seeds give unrelated streams. Same seed, same stream,
 * on every machine: the draw of an attempt can be recomputed from its stored seed.
 */
export function seededRandom(seed: string): Random {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes its state over its first few rounds.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy (Fisher–Yates); the input is left alone. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `k` distinct items chosen uniformly (a partial Fisher–Yates), in the order drawn. */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  if (k > items.length) throw new RangeError(`cannot sample ${k} of ${items.length}`);
  const pool = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(random, pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
