import { bucketOf, sumsNeeded } from './compliance.engine';

describe('sumsNeeded', () => {
  it("sums for the Gansu rules only appointment hours over all years and this year's continuing and category-2 hours", () => {
    const sut = sumsNeeded([
      { category: 1, kind: 'appointment', period: 'once', count_appointment_hours: false },
      { category: 1, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false },
      { category: 2, kind: 'continuing', period: 'calendar_year', count_appointment_hours: false },
    ]);
    expect(sut).toEqual(['c1a_all', 'c1c_year', 'c2_year']);
  });

  it("adds this year's appointment hours when a yearly rule counts them", () => {
    expect(sumsNeeded([{ category: 1, kind: 'continuing', period: 'calendar_year', count_appointment_hours: true }])).toEqual([
      'c1a_year',
      'c1c_year',
    ]);
  });
});

describe('bucketOf', () => {
  it('is the first byte of the uuid', () => {
    expect(bucketOf('00ffffff-0000-4000-8000-000000000000')).toBe(0);
    expect(bucketOf('ff000000-0000-4000-8000-000000000000')).toBe(255);
  });
});
