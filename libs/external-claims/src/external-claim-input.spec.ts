import type { ExternalClaimInput } from './external-claim-input';
import { checkClaimShape, isCalendarDate } from './external-claim-input';
import { lateWindowEnd, withinLimit } from './external-claim-rules';

const claim = (overrides: Partial<ExternalClaimInput> = {}): ExternalClaimInput => ({
  organiser: '中国质量协会',
  title: '全国六西格玛管理推进会',
  startedOn: '2026-04-20',
  endedOn: '2026-04-21',
  category: 2,
  kind: 'continuing',
  hours: '8',
  topicCodes: ['six-sigma'],
  evidence: [{ fileName: 'a.pdf', data: Buffer.from('%PDF') }],
  ...overrides,
});
const fields = (overrides: Partial<ExternalClaimInput>, today = '2026-05-01') =>
  checkClaimShape(claim(overrides), today).map((i) => i.field);

describe('external claim shape', () => {
  it('accepts a well-formed claim', () => {
    expect(fields({})).toEqual([]);
  });

  it('names each bad field', () => {
    expect(fields({ endedOn: '2026-05-02', startedOn: '2026-05-02' })).toEqual(['startedOn', 'endedOn']);
    expect(fields({ startedOn: '2026-04-22' })).toEqual(['endedOn']);
    expect(fields({ startedOn: '2026-02-30' })).toEqual(['startedOn']);
    expect(fields({ hours: '0' })).toEqual(['hours']);
    expect(fields({ hours: '0.00' })).toEqual(['hours']);
    expect(fields({ hours: '200.01' })).toEqual(['hours']);
    expect(fields({ kind: 'appointment' })).toEqual(['kind']);
    expect(fields({ topicCodes: [] })).toEqual(['topicCodes']);
    expect(fields({ evidence: [] })).toEqual(['evidence']);
    expect(fields({ organiser: ' ' })).toEqual(['organiser']);
  });

  it('knows a calendar day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });
});

describe('external claim limits', () => {
  it('closes a year’s late window the given days after 31 December, CST', () => {
    expect(lateWindowEnd(2025, 31).toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(lateWindowEnd(2025, 0).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('compares exact decimals', () => {
    expect(withinLimit('10', '5', '15')).toBe(true);
    expect(withinLimit('10.01', '5', '15')).toBe(false);
  });
});
