import { fromCentiHours, isDecimalHours, isPositiveHours, normalizeHours, toCentiHours } from './decimal-hours';

describe('decimal hours', () => {
  it('accepts exact decimals with at most two places and refuses the rest', () => {
    for (const ok of ['0', '2', '2.5', '20.50', '9999.99']) expect(isDecimalHours(ok)).toBe(true);
    for (const bad of ['', '-1', '2.345', '1e3', '01', '2.', '.5', ' 2', '10000']) expect(isDecimalHours(bad)).toBe(false);
    expect(isDecimalHours(2.5)).toBe(false);
  });

  it('treats zero in any spelling as not positive', () => {
    expect(isPositiveHours('0.00')).toBe(false);
    expect(isPositiveHours('0.01')).toBe(true);
  });

  it('adds exactly where floats do not: 20.5 is short of 21, 20.5 + 0.5 is 21', () => {
    const sut = toCentiHours('20.5') + toCentiHours('0.5');
    expect(sut).toBe(toCentiHours('21'));
    expect(toCentiHours('20.5') < toCentiHours('21')).toBe(true);
    expect(toCentiHours('0.1') + toCentiHours('0.2')).toBe(toCentiHours('0.3'));
  });

  it('normalizes PostgreSQL numeric text, negatives included', () => {
    expect(normalizeHours('21.00')).toBe('21');
    expect(normalizeHours('20.50')).toBe('20.5');
    expect(normalizeHours('-6.00')).toBe('-6');
    expect(fromCentiHours(-5n)).toBe('-0.05');
  });
});
