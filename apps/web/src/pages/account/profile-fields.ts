import type { Check } from '../../forms/checks';

/** The choices of the profile form, in the API's order (see libs/trainees). */
export const EDUCATION_LEVELS = ['secondary', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export const QUALITY_QUALIFICATIONS = ['none', 'primary', 'intermediate', 'senior'] as const;

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
/** An 11-digit mainland mobile number, as the API checks it. */
export const phone = (): Check => (v) => (!blank(v) && !/^1[3-9]\d{9}$/.test(String(v).trim()) ? { rule: 'phone' } : null);
/** The shape of an e-mail address (the API checks it again). */
export const email = (): Check => (v) =>
  !blank(v) && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(String(v).trim()) ? { rule: 'isEmail' } : null;

/** The trainee password policy of the API (libs/identity password-policy): shown, and its length checked here. */
export const TRAINEE_PASSWORD_MIN = 10;
