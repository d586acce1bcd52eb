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

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of an ID number's first 17 digits (GB 11643-1999). */
export function chineseIdCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

/** Whether a string is a valid 18-digit resident ID number (GB 11643-1999 check digit and a real birth date). */
export function isValidChineseIdNumber(value: string): boolean {
  const v = normalizePii(value);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const birth = v.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return false;
  return chineseIdCheckChar(v) === v[17];
}

/** Mainland mobile numbers: 11 digits starting with 1. */
export function isValidChinesePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePii(value));
}
