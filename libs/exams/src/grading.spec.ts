import type { GradableItem } from './grading';
import { gradeAttempt, gradeItem, percentText } from './grading';

const single = (selected: string[] | null): GradableItem => ({
  type: 'single',
  correctOptionIds: ['k'],
  points: 2,
  selectedOptionIds: selected,
});
const multiple = (selected: string[] | null): GradableItem => ({
  type: 'multiple',
  correctOptionIds: ['a', 'c'],
  points: 3,
  selectedOptionIds: selected,
});
const trueFalse = (selected: string[] | null): GradableItem => ({
  type: 'true_false',
  correctOptionIds: ['t'],
  points: 1,
  selectedOptionIds: selected,
});

describe('gradeItem', () => {
  it.each([
    ['the key', ['k'], true],
    ['a wrong option', ['x'], false],
    ['the key and another', ['k', 'x'], false],
    ['nothing (empty)', [], false],
    ['nothing (null)', null, false],
  ])('single choice: %s', (_, selected, correct) => {
    expect(gradeItem(single(selected))).toEqual({ correct, awardedPoints: correct ? 2 : 0 });
  });

  it.each([
    ['exactly the key set', ['c', 'a'], true],
    ['the key set with a duplicate', ['a', 'c', 'a'], true],
    ['one key option missing (少选)', ['a'], false],
    ['an extra option (多选)', ['a', 'b', 'c'], false],
    ['a wrong option instead (错选)', ['a', 'b'], false],
    ['nothing', null, false],
  ])('multiple choice, all or nothing: %s', (_, selected, correct) => {
    expect(gradeItem(multiple(selected))).toEqual({ correct, awardedPoints: correct ? 3 : 0 });
  });

  it.each([
    ['true when true', ['t'], true],
    ['false when true', ['f'], false],
    ['both', ['t', 'f'], false],
    ['nothing', null, false],
  ])('true/false: %s', (_, selected, correct) => {
    expect(gradeItem(trueFalse(selected))).toEqual({ correct, awardedPoints: correct ? 1 : 0 });
  });
});

describe('gradeAttempt', () => {
  it('sums points and passes at the mark exactly', () => {
    const items = [single(['k']), multiple(['a', 'c']), trueFalse(['f']), single(null)];
    // 2 + 3 of 8 points = 62.5 %
    const sut = gradeAttempt(items, 62);
    expect(sut).toMatchObject({ score: 5, maxScore: 8, percent: '62.50', passed: true });
    expect(sut.items.map((g) => g.correct)).toEqual([true, true, false, false]);
    expect(gradeAttempt(items, 63).passed).toBe(false);
    expect(gradeAttempt([single(['k']), trueFalse(['t'])], 100).passed).toBe(true);
  });

  it('compares the pass mark in integers, never rounding up to a pass', () => {
    // 2 of 3 = 66.666…%: rounds to 66.67 for display, but a 67 % mark is not met.
    const items = [trueFalse(['t']), trueFalse(['t']), trueFalse(['f'])];
    expect(gradeAttempt(items, 67)).toMatchObject({ percent: '66.67', passed: false });
    expect(gradeAttempt(items, 66).passed).toBe(true);
  });

  it('fails an empty paper and an unanswered one', () => {
    expect(gradeAttempt([], 0)).toMatchObject({ score: 0, maxScore: 0, passed: false, percent: '0.00' });
    expect(gradeAttempt([single(null), multiple(null)], 60)).toMatchObject({ score: 0, passed: false });
  });
});

describe('percentText', () => {
  it.each([
    [0, 10, '0.00'],
    [10, 10, '100.00'],
    [1, 3, '33.33'],
    [1, 8, '12.50'],
    [1, 6, '16.67'],
    [49, 50, '98.00'],
  ])('%d / %d = %s', (score, max, text) => expect(percentText(score, max)).toBe(text));
});
