import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-', { start: 0, end: 999 }],
    ['bytes=100-199', { start: 100, end: 199 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
  ])('%s', (header, expected) => expect(parseByteRange(header, size)).toEqual(expected));

  it.each(['bytes=1000-', 'bytes=500-400', 'bytes=-0'])('%s cannot be satisfied', (header) => {
    expect(parseByteRange(header, size)).toBe('unsatisfiable');
  });

  it.each([undefined, '', 'bytes=0-1,5-9', 'items=0-1', 'bytes=-'])('%s means the whole file', (header) => {
    expect(parseByteRange(header, size)).toBeNull();
  });
});
