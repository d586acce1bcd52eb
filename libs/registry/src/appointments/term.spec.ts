import { daysBetween, dueTermReminder, isCalendarDate, termEndDate } from './term';

describe('term dates', () => {
  it('ends a 3-year term the day before its third anniversary', () => {
    expect(termEndDate('2026-03-01', 3)).toBe('2029-02-28');
    expect(termEndDate('2026-01-01', 3)).toBe('2028-12-31');
    expect(termEndDate('2027-03-01', 1)).toBe('2028-02-29');
  });

  it('takes a missing 29 February anniversary as 1 March', () => {
    expect(termEndDate('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEndDate('2024-02-29', 4)).toBe('2028-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('validates calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
  });

  it('picks the reminder due: 90 days out, then 30, none after the end', () => {
    expect(dueTermReminder(91, [90, 30])).toBeNull();
    expect(dueTermReminder(90, [90, 30])).toBe(90);
    expect(dueTermReminder(50, [90, 30])).toBe(90);
    expect(dueTermReminder(30, [90, 30])).toBe(30);
    expect(dueTermReminder(0, [90, 30])).toBe(30);
    expect(dueTermReminder(-1, [90, 30])).toBeNull();
  });
});
