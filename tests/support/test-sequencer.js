// Slowest files first, so that Jest's two workers finish together instead of one running a long
// browser file alone at the end. Jest's own sequencer orders by the durations it cached in an
// earlier run, and otherwise by file size, which puts long e2e files before the short browser
// files that take longest. Here a file without a cached duration gets an estimate from its project
// (a browser file takes about a minute, a unit spec about a second) and its size.
const Sequencer = require('@jest/test-sequencer').default;

/** Estimated milliseconds: a fixed cost per project (app boots, Chromium) and a cost per KB of test code. */
const ESTIMATE = {
  browser: { base: 30_000, perKb: 2_000 },
  e2e: { base: 5_000, perKb: 800 },
  integration: { base: 4_000, perKb: 800 },
  unit: { base: 200, perKb: 100 },
};

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const expected = new Map();
    for (const test of tests) {
      const cached = this.time(test);
      const estimate = ESTIMATE[test.context.config.displayName?.name] ?? ESTIMATE.e2e;
      const size = test.context.hasteFS.getSize(test.path) ?? 0;
      expected.set(test, cached ?? estimate.base + (size / 1024) * estimate.perKb);
    }
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || expected.get(b) - expected.get(a));
  }
}

module.exports = SlowestFirstSequencer;
