import { createHmac } from 'node:crypto';

/**
 * Personal data (citizen ID numbers, phones) is stored as a keyed hash, for matching, and a
 * masked form, for display. The whole value is never stored, logged or returned.
 */
export function piiHash(key: string, value: string): string {
  return createHmac('sha256', key).update(normalizePii(value)).digest('hex');
}

export function normalizePii(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** `620102199001011234` → `620102********1234`. */
export function maskIdNumber(idNumber: string): string {
  const v = normalizePii(idNumber);
  return v.length <= 10 ? '*'.repeat(v.length) : `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** `13912345678` → `139****5678`. */
export function maskPhone(phone: string): string {
  const v = normalizePii(phone);
  return v.length <= 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

/** `张三丰` → `张**`: the verification page shows no more of a name than this. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

export { chineseIdCheckChar, isValidChineseIdNumber } from '../forms/id-number';

/** Mainland mobile numbers: 11 digits starting with 1. */
export function isValidChinesePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePii(value));
}
