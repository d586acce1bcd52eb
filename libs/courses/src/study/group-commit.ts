/**
 * Group commit: work items handed in while earlier groups are being written wait and go together
 * in the next group, one statement (and one commit) for many items. At most `groupsInFlight`
 * groups run at once, each of at most `maxGroupSize` items. An idle system writes an item at
 * once (a group of one); a busy one writes more per statement instead of queueing statements.
 *
 * Items with the same `key` (the rows they lock) never run in two groups at once: a later one
 * waits for the group holding its key, so groups running together never wait for each other's
 * locks (no deadlock between them). By default a group holds each key once (a multi-row write
 * sees each row once); with `together`, a group is the waiting items of one key (one lock taken
 * for many rows, e.g. the enrolments of one course version). With `keysInParallel`, a key only
 * gathers items into groups: groups of the same key may run at once (a writer that orders its
 * locks itself and retries a deadlock, e.g. the xAPI statements of one key pair).
 *
 * Each item gets its own answer. When a group's write fails as a whole, each of its items is
 * written alone (`writeOne`), so one item's error is that item's error only.
 */
export interface GroupCommitOptions<I, O> {
  groupsInFlight: number;
  maxGroupSize: number;
  /** The rows an item locks. */
  key(item: I): string;
  /** A group is the items of one key (instead of items of distinct keys). */
  together?: boolean;
  /** Groups holding the same key may be written at once (a key does not wait for the group holding it). */
  keysInParallel?: boolean;
  /** Writes a group of two or more; answers one result per item, in order. */
  writeGroup(items: I[]): Promise<O[]>;
  /** Writes one item (a group of one, or each item of a group that failed). */
  writeOne(item: I): Promise<O>;
}

interface Waiting<I, O> {
  item: I;
  key: string;
  resolve(result: O): void;
  reject(error: unknown): void;
}

export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private readonly keysInFlight = new Set<string>();
  private inFlight = 0;

  constructor(private readonly options: GroupCommitOptions<I, O>) {}

  /** Writes `item` in the next group that can take it. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, key: this.options.key(item), resolve, reject });
      this.drain();
    });
  }

  /** Items waiting for a group (for tests and metrics). */
  get pending(): number {
    return this.waiting.length;
  }

  private drain(): void {
    while (this.inFlight < this.options.groupsInFlight && this.waiting.length) {
      const group: Waiting<I, O>[] = [];
      const inGroup = new Set<string>();
      const { together, keysInParallel } = this.options;
      // Together: the first key free to go, then only that key. Otherwise: any key free to go, once.
      const takes = (w: Waiting<I, O>) =>
        together && group.length ? w.key === group[0].key : !inGroup.has(w.key) && (keysInParallel || !this.keysInFlight.has(w.key));
      for (let k = 0; k < this.waiting.length && group.length < this.options.maxGroupSize;) {
        const w = this.waiting[k];
        if (!takes(w)) {
          k++;
          continue;
        }
        inGroup.add(w.key);
        group.push(w);
        this.waiting.splice(k, 1);
      }
      // Everything waiting belongs to rows being written: the groups running will drain again.
      if (!group.length) return;
      if (!keysInParallel) for (const key of inGroup) this.keysInFlight.add(key);
      this.inFlight++;
      void this.write(group).finally(() => {
        this.inFlight--;
        if (!keysInParallel) for (const key of inGroup) this.keysInFlight.delete(key);
        this.drain();
      });
    }
  }

  private async write(group: Waiting<I, O>[]): Promise<void> {
    if (group.length > 1) {
      let results: O[] | undefined;
      try {
        results = await this.options.writeGroup(group.map((w) => w.item));
      } catch {
        // rolled back as a whole: each on its own below
      }
      if (results) {
        group.forEach((w, i) => w.resolve(results[i]));
        return;
      }
    }
    await Promise.all(
      group.map((w) =>
        this.options.writeOne(w.item).then(
          (result) => w.resolve(result),
          (error: unknown) => w.reject(error),
        ),
      ),
    );
  }
}
