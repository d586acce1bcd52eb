/** Checks of a mainland resident ID number, with no imports, so the web app checks it before submit too. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Spaces and dashes removed, upper case (`x` → `X`). */
export function normalizeIdText(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** The check character of an ID number's first 17 digits (GB 11643-1999). */
export function chineseIdCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

/** Whether a string is a valid 18-digit resident ID number (GB 11643-1999 check digit and a real birth date). */
export function isValidChineseIdNumber(value: string): boolean {
  const v = normalizeIdText(value);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const birth = v.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return false;
  return chineseIdCheckChar(v) === v[17];
}
