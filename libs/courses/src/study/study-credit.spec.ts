import type { BeatState } from './study-credit';
import { assessBeat, extendWatched, mergeIntervals } from './study-credit';

const video: BeatState = {
  mode: 'position',
  elapsedSeconds: 30,
  maxCreditSeconds: 60,
  furthestPosition: 100,
  durationSeconds: 2700,
  checkOpen: false,
  idleAfterSeconds: 120,
};

describe('assessBeat (video)', () => {
  it('credits playback that advances the furthest point at 1×', () => {
    const sut = assessBeat(video, { position: 130, playbackRate: 1 });
    expect(sut).toMatchObject({ verdict: 'ok', creditSeconds: 30, furthestPosition: 130, position: 130 });
  });

  it('never credits more than the server time that passed', () => {
    const sut = assessBeat(video, { position: 131.5 });
    expect(sut.creditSeconds).toBe(30);
    expect(sut.furthestPosition).toBe(130);
  });

  it('credits nothing for a position far ahead (a forward seek)', () => {
    expect(assessBeat(video, { position: 600 })).toMatchObject({ verdict: 'ahead', creditSeconds: 0, furthestPosition: 100 });
  });

  it('credits nothing at a rate above 1×', () => {
    expect(assessBeat(video, { position: 120, playbackRate: 2 })).toMatchObject({ verdict: 'rate', creditSeconds: 0 });
  });

  it('credits nothing for watching again or pausing', () => {
    expect(assessBeat(video, { position: 40 })).toMatchObject({ verdict: 'paused', creditSeconds: 0, furthestPosition: 100, position: 40 });
    expect(assessBeat(video, { position: 100 })).toMatchObject({ verdict: 'paused', creditSeconds: 0 });
    expect(assessBeat(video, {})).toMatchObject({ verdict: 'paused', creditSeconds: 0 });
  });

  it('credits nothing while an attention check is open', () => {
    expect(assessBeat({ ...video, checkOpen: true }, { position: 130 })).toMatchObject({ verdict: 'check', creditSeconds: 0 });
  });

  it('credits nothing when idle in a background page, but does in a visible one without input', () => {
    expect(assessBeat(video, { position: 130, visible: false, idleSeconds: 200 })).toMatchObject({ verdict: 'idle', creditSeconds: 0 });
    expect(assessBeat(video, { position: 130, focused: false, idleSeconds: 200 })).toMatchObject({ verdict: 'idle' });
    expect(assessBeat(video, { position: 130, visible: true, focused: true, idleSeconds: 200 })).toMatchObject({
      verdict: 'ok',
      creditSeconds: 30,
    });
  });

  it('caps one beat at the maximum after a long gap', () => {
    const sut = assessBeat({ ...video, elapsedSeconds: 600 }, { position: 160 });
    expect(sut).toMatchObject({ verdict: 'ok', creditSeconds: 60, furthestPosition: 160 });
  });

  it('adds whole seconds so that fractions carry over', () => {
    const a = assessBeat({ ...video, furthestPosition: 100.4, elapsedSeconds: 10.3 }, { position: 110.7 });
    expect(a.creditSeconds).toBe(10);
    const b = assessBeat({ ...video, furthestPosition: a.furthestPosition, elapsedSeconds: 10.5 }, { position: 121.2 });
    expect(a.creditSeconds + b.creditSeconds).toBe(121 - 100);
  });

  it('clamps positions to the video', () => {
    const sut = assessBeat({ ...video, furthestPosition: 2690 }, { position: 2705 });
    expect(sut).toMatchObject({ creditSeconds: 10, furthestPosition: 2700, position: 2700 });
  });
});

describe('assessBeat (document)', () => {
  const doc: BeatState = { ...video, mode: 'time', durationSeconds: null, furthestPosition: 0 };
  it('credits visible time, capped, carrying fractions', () => {
    expect(assessBeat({ ...doc, elapsedSeconds: 30.6 }, { visible: true })).toMatchObject({ creditSeconds: 30, consumedSeconds: 30 });
    expect(assessBeat({ ...doc, elapsedSeconds: 300 }, {})).toMatchObject({ creditSeconds: 60, consumedSeconds: 300 });
  });
  it('credits nothing while the page is hidden', () => {
    expect(assessBeat(doc, { visible: false, idleSeconds: 0 })).toMatchObject({ verdict: 'hidden', creditSeconds: 0 });
  });
});

describe('watched intervals', () => {
  it('extends contiguous playback and starts anew after a seek', () => {
    let w = extendWatched([], 0, 30, 30);
    w = extendWatched(w, 30, 60, 30);
    expect(w).toEqual([[0, 60]]);
    w = extendWatched(w, 10, 40, 30);
    expect(w).toEqual([
      [0, 60],
      [10, 40],
    ]);
    expect(extendWatched(w, 40, 400, 30)).toEqual(w);
    expect(
      mergeIntervals([
        [10, 40],
        [0, 20],
        [50, 60],
      ]),
    ).toEqual([
      [0, 40],
      [50, 60],
    ]);
  });
});
