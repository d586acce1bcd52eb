import { checkCharacters, formatSerial, normalizeSerial } from './serial-number';

describe('serial numbers', () => {
  it('formats region, kind, year, padded sequence and two check characters', () => {
    const sut = formatSerial('GS', 'appointment_training', 2026, 123);
    expect(sut).toMatch(/^GS-CQO-2026-000123-[0-9A-Z]{2}$/);
    expect(formatSerial('GS', 'course_completion', 2026, 1)).toMatch(/^GS-JY-2026-000001-/);
    expect(formatSerial('GS', 'yearly_continuing', 2027, 1234567)).toMatch(/^GS-JX-2027-1234567-/);
  });

  it('satisfies the ISO 7064 MOD 1271-36 equation (weighted sum ≡ 1)', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const body of ['GS-CQO-2026-000123', 'GS-JY-2026-000001', 'AB-JX-1999-999999']) {
      const all = (body + checkCharacters(body)).replace(/-/g, '');
      const sum = [...all].reduce((acc, ch) => (acc * 36 + alphabet.indexOf(ch)) % 1271, 0);
      expect(sum).toBe(1);
    }
  });

  it('accepts its own serials, normalizing case and spaces', () => {
    const serial = formatSerial('GS', 'course_completion', 2026, 42);
    expect(normalizeSerial(serial)).toBe(serial);
    expect(normalizeSerial(` ${serial.toLowerCase()} `)).toBe(serial);
  });

  it('refuses every single-character substitution and every adjacent transposition', () => {
    const serial = formatSerial('GS', 'appointment_training', 2026, 123);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < serial.length; i++) {
      if (serial[i] === '-') continue;
      for (const ch of alphabet) {
        if (ch === serial[i]) continue;
        const typo = serial.slice(0, i) + ch + serial.slice(i + 1);
        // A typo may still be another well-formed serial only if it changes the shape (e.g. a letter in the year).
        expect(normalizeSerial(typo)).toBeNull();
      }
      const j = serial[i + 1] === '-' ? i + 2 : i + 1;
      if (j < serial.length && serial[j] !== serial[i]) {
        const swapped = [...serial];
        [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
        expect(normalizeSerial(swapped.join(''))).toBeNull();
      }
    }
  });

  it('refuses malformed input', () => {
    for (const bad of ['', 'GS-CQO-2026', 'GS-CQO-26-000123-K7', 'not a serial', 'GS-CQO-2026-00012-K7']) {
      expect(normalizeSerial(bad)).toBeNull();
    }
  });
});
