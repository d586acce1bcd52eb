import { dueReminderDate, periodPosition } from './compliance-period';

describe('periodPosition', () => {
  it('reckons the year in China Standard Time: 31 Dec 16:30Z is already 2026', () => {
    const sut = periodPosition(2025, new Date('2025-12-31T16:30:00Z'));
    expect(sut).toEqual({ year: 2025, closed: true, elapsedShare: '1.000000' });
    expect(periodPosition(2026, new Date('2025-12-31T16:30:00Z'))).toMatchObject({ closed: false, elapsedShare: '0.000057' }); // 30 minutes in
  });

  it('is open and pro-rated during the year', () => {
    // 1 July 00:00 CST: 181 of 365 days.
    const sut = periodPosition(2026, new Date('2026-06-30T16:00:00Z'));
    expect(sut.closed).toBe(false);
    expect(sut.elapsedShare).toBe((181 / 365).toFixed(6));
  });

  it('is not started before the year, and closed (all of it elapsed) after it', () => {
    expect(periodPosition(2027, new Date('2026-06-30T16:00:00Z'))).toEqual({ year: 2027, closed: false, elapsedShare: '0.000000' });
    expect(periodPosition(2024, new Date('2026-06-30T16:00:00Z'))).toEqual({ year: 2024, closed: true, elapsedShare: '1.000000' });
  });
});

describe('dueReminderDate', () => {
  const dates = ['10-01', '12-01', '12-24'];
  it('is due on the day (CST) and for a few days after, then not', () => {
    expect(dueReminderDate(dates, new Date('2026-09-30T15:59:00Z'), 7)).toBeNull(); // 23:59 CST on 30 Sep
    expect(dueReminderDate(dates, new Date('2026-09-30T16:00:00Z'), 7)).toBe('2026-10-01');
    expect(dueReminderDate(dates, new Date('2026-10-08T02:00:00Z'), 7)).toBe('2026-10-01');
    expect(dueReminderDate(dates, new Date('2026-10-09T02:00:00Z'), 7)).toBeNull();
  });
  it('picks the latest date due', () => {
    expect(dueReminderDate(['12-20', '12-24'], new Date('2026-12-25T02:00:00Z'), 7)).toBe('2026-12-24');
  });
});
