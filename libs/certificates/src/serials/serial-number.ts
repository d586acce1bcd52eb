import type { CertificateKind } from '../certificate.types';
import { CERTIFICATE_KIND_CODES } from '../certificate.types';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULUS = 1271;
const RADIX = 36;

/**
 * The two check characters of ISO/IEC 7064 MOD 1271-36 (a pure system over 0-9A-Z) for the
 * serial's letters and digits, hyphens ignored. It catches every single-character error and
 * every adjacent transposition, so a mistyped serial is refused before any lookup.
 */
export function checkCharacters(body: string): string {
  const chars = body.replace(/-/g, '').toUpperCase();
  let p = 0;
  for (const ch of chars) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`serial character ${ch} is not 0-9 or A-Z`);
    p = ((p + value) * RADIX) % MODULUS;
  }
  p = (p * RADIX) % MODULUS;
  const check = (MODULUS + 1 - p) % MODULUS;
  return ALPHABET[Math.floor(check / RADIX)] + ALPHABET[check % RADIX];
}

/** `GS-CQO-2026-000123-K7`: region, kind, year of issue, database sequence (6+ digits), check characters. */
export function formatSerial(region: string, kind: CertificateKind, year: number, sequence: number | bigint | string): string {
  const body = `${region}-${CERTIFICATE_KIND_CODES[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
  return `${body}-${checkCharacters(body)}`;
}

const SERIAL_PATTERN = /^[A-Z]{2,4}-[A-Z]{2,3}-\d{4}-\d{6,}-[0-9A-Z]{2}$/;

/** Normalizes what a person typed (case, spaces) and says whether it is a well-formed serial with correct check characters. */
export function normalizeSerial(input: string): string | null {
  const serial = input.trim().toUpperCase().replace(/\s+/g, '');
  if (!SERIAL_PATTERN.test(serial)) return null;
  const body = serial.slice(0, -3);
  return checkCharacters(body) === serial.slice(-2) ? serial : null;
}
