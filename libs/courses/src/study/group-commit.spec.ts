import { GroupCommit } from './group-commit';

interface Item {
  key: string;
  value: number;
}

/** A write the test finishes by hand, so what waits for what is decided by the test, not by timing. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

function harness(groupsInFlight = 1, maxGroupSize = 10, together = false, keysInParallel = false) {
  const groups: { items: Item[]; done: ReturnType<typeof deferred<number[]>> }[] = [];
  const singles: { item: Item; done: ReturnType<typeof deferred<number>> }[] = [];
  const commit = new GroupCommit<Item, number>({
    groupsInFlight,
    maxGroupSize,
    together,
    keysInParallel,
    key: (i) => i.key,
    writeGroup: (items) => {
      const done = deferred<number[]>();
      groups.push({ items, done });
      return done.promise;
    },
    writeOne: (item) => {
      const done = deferred<number>();
      singles.push({ item, done });
      return done.promise;
    },
  });
  return { commit, groups, singles };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone item at once, alone', async () => {
    const { commit, groups, singles } = harness();
    const answer = commit.submit({ key: 'a', value: 1 });
    expect(singles.map((s) => s.item.value)).toEqual([1]);
    singles[0].done.resolve(10);
    await expect(answer).resolves.toBe(10);
    expect(groups).toHaveLength(0);
  });

  it('puts the items that arrive while a write runs into the next group, one answer each', async () => {
    const { commit, groups, singles } = harness();
    const first = commit.submit({ key: 'a', value: 1 });
    const later = [2, 3, 4].map((value) => commit.submit({ key: `k${value}`, value }));
    expect(commit.pending).toBe(3);
    singles[0].done.resolve(10);
    await first;
    await flush();
    expect(groups.map((g) => g.items.map((i) => i.value))).toEqual([[2, 3, 4]]);
    groups[0].done.resolve([20, 30, 40]);
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('never writes two items of the same rows in one group or in two groups at once', async () => {
    const { commit, groups, singles } = harness(2);
    const a1 = commit.submit({ key: 'a', value: 1 });
    // The second group may start (two in flight), but a2 must wait for a1's group to end.
    const a2 = commit.submit({ key: 'a', value: 2 });
    const b = commit.submit({ key: 'b', value: 3 });
    expect(singles.map((s) => s.item.value)).toEqual([1, 3]);
    const a3 = commit.submit({ key: 'a', value: 4 });
    expect(commit.pending).toBe(2);
    singles[1].done.resolve(30);
    await b;
    await flush();
    expect(singles).toHaveLength(2);
    singles[0].done.resolve(10);
    await a1;
    await flush();
    // a2 goes next, alone (a3 has its key); a3 after it.
    expect(singles.map((s) => s.item.value)).toEqual([1, 3, 2]);
    expect(groups).toHaveLength(0);
    singles[2].done.resolve(20);
    await a2;
    await flush();
    expect(singles.map((s) => s.item.value)).toEqual([1, 3, 2, 4]);
    singles[3].done.resolve(40);
    await expect(a3).resolves.toBe(40);
  });

  it('writes each item of a failed group alone, so one item’s error fails only that item', async () => {
    const { commit, groups, singles } = harness();
    const first = commit.submit({ key: 'a', value: 1 });
    const later = [2, 3, 4].map((value) =>
      commit.submit({ key: `k${value}`, value }).then(
        (v) => ({ v }),
        (e: Error) => ({ e: e.message }),
      ),
    );
    singles[0].done.resolve(10);
    await first;
    await flush();
    groups[0].done.reject(new Error('group failed'));
    await flush();
    expect(singles.slice(1).map((s) => s.item.value)).toEqual([2, 3, 4]);
    singles[1].done.resolve(20);
    singles[2].done.reject(new Error('bad item 3'));
    singles[3].done.resolve(40);
    await expect(Promise.all(later)).resolves.toEqual([{ v: 20 }, { e: 'bad item 3' }, { v: 40 }]);
  });

  it('caps a group at maxGroupSize', async () => {
    const { commit, groups, singles } = harness(1, 2);
    void commit.submit({ key: 'a', value: 1 });
    const rest = [2, 3, 4].map((value) => commit.submit({ key: `k${value}`, value }));
    singles[0].done.resolve(10);
    await flush();
    expect(groups.map((g) => g.items.map((i) => i.value))).toEqual([[2, 3]]);
    groups[0].done.resolve([20, 30]);
    await flush();
    // The one left is written alone.
    expect(singles.map((s) => s.item.value)).toEqual([1, 4]);
    singles[1].done.resolve(40);
    await expect(Promise.all(rest)).resolves.toEqual([20, 30, 40]);
  });

  it('together: groups the waiting items of one key, one group per key in flight', async () => {
    const { commit, groups, singles } = harness(2, 10, true);
    const a1 = commit.submit({ key: 'a', value: 1 });
    const a2 = commit.submit({ key: 'a', value: 2 });
    const b3 = commit.submit({ key: 'b', value: 3 });
    const a4 = commit.submit({ key: 'a', value: 4 });
    const b5 = commit.submit({ key: 'b', value: 5 });
    // a1 and b3 run; a2, a4 and b5 wait for their key.
    expect(singles.map((s) => s.item.value)).toEqual([1, 3]);
    singles[0].done.resolve(10);
    await a1;
    await flush();
    expect(groups.map((g) => g.items.map((i) => i.value))).toEqual([[2, 4]]);
    singles[1].done.resolve(30);
    await b3;
    await flush();
    expect(singles.map((s) => s.item.value)).toEqual([1, 3, 5]);
    groups[0].done.resolve([20, 40]);
    singles[2].done.resolve(50);
    await expect(Promise.all([a2, a4, b5])).resolves.toEqual([20, 40, 50]);
  });

  it('keysInParallel: writes a group of a key while an earlier group of that key is still being written', async () => {
    const { commit, groups, singles } = harness(2, 10, true, true);
    const a1 = commit.submit({ key: 'a', value: 1 });
    const a2 = commit.submit({ key: 'a', value: 2 });
    const b3 = commit.submit({ key: 'b', value: 3 });
    const a4 = commit.submit({ key: 'a', value: 4 });
    // Both slots taken by key a at once; b3 and a4 wait for a slot, not for their key.
    expect(singles.map((s) => s.item.value)).toEqual([1, 2]);
    singles[0].done.resolve(10);
    await a1;
    await flush();
    // The oldest waiting (b3) leads the next group, of its key only; a4 waits for the next slot.
    expect(singles.map((s) => s.item.value)).toEqual([1, 2, 3]);
    singles[1].done.resolve(20);
    await a2;
    await flush();
    expect(singles.map((s) => s.item.value)).toEqual([1, 2, 3, 4]);
    singles[2].done.resolve(30);
    singles[3].done.resolve(40);
    await expect(Promise.all([b3, a4])).resolves.toEqual([30, 40]);
    expect(groups).toEqual([]);
  });

  it('keysInParallel: still groups the waiting items of one key together', async () => {
    const { commit, groups, singles } = harness(2, 10, true, true);
    const a1 = commit.submit({ key: 'a', value: 1 });
    const b2 = commit.submit({ key: 'b', value: 2 });
    const a3 = commit.submit({ key: 'a', value: 3 });
    const b4 = commit.submit({ key: 'b', value: 4 });
    const a5 = commit.submit({ key: 'a', value: 5 });
    expect(singles.map((s) => s.item.value)).toEqual([1, 2]);
    singles[0].done.resolve(10);
    await a1;
    await flush();
    // a3 and a5 go together while b2 is still being written; b4 waits for a slot.
    expect(groups.map((g) => g.items.map((i) => i.value))).toEqual([[3, 5]]);
    groups[0].done.resolve([30, 50]);
    await expect(Promise.all([a3, a5])).resolves.toEqual([30, 50]);
    await flush();
    expect(singles.map((s) => s.item.value)).toEqual([1, 2, 4]);
    singles[1].done.resolve(20);
    singles[2].done.resolve(40);
    await expect(Promise.all([b2, b4])).resolves.toEqual([20, 40]);
  });
});
