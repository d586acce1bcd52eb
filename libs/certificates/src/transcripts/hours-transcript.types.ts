import type { CertificateHolder } from '../certificate.types';

/** The printed title of an hours transcript, and its code inside the serial (`GS-XS-2026-000123-K7`). */
export const TRANSCRIPT_TITLE = '学时证明';
export const TRANSCRIPT_SERIAL_CODE = 'XS';

/** One total of the hours page: a year, category and kind. */
export interface TranscriptTotal {
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  /** Exact decimal text. */
  hours: string;
}

/** A requirement as the compliance engine judged it (RequirementEvaluator), printed as is. */
export interface TranscriptRequirement {
  name: string;
  required: string;
  accrued: string;
  /** The engine's state, worded (已完成, 进行中, 学时不足, …). */
  stateLabel: string;
}

/** One ledger entry behind the totals. */
export interface TranscriptEntry {
  /** CST date the hours were earned, YYYY-MM-DD. */
  date: string;
  category: 1 | 2;
  kind: 'appointment' | 'continuing';
  hours: string;
  /** Where it came from, worded (课程结业, 面授签到, 外部学时认定, …). */
  source: string;
  /** What it was, when known (a claim's training, an adjustment's reason). */
  note: string | null;
}

export interface TranscriptYear {
  year: number;
  totals: TranscriptTotal[];
  requirements: TranscriptRequirement[];
  entries: TranscriptEntry[];
}

/**
 * Everything an hours transcript states: signed (with the PDF's hash), stored with the record, and
 * the only input of its renderer. The hours are those of the ledger at `issuedAt`.
 */
export interface HoursTranscriptContent {
  format: 1;
  kind: 'hours_transcript';
  serial: string;
  holder: CertificateHolder;
  /** Total appointment-training hours over all years. */
  appointmentHours: string;
  years: TranscriptYear[];
  issuer: string;
  /** ISO instant the transcript was made: the hours are as of this moment. */
  issuedAt: string;
  verifyUrl: string;
}
