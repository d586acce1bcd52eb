/**
 * The three certificates of the notice (DOMAIN.md, "Certificates"), what each one states, and
 * the canonical content that is signed, printed and re-rendered.
 */
export const CERTIFICATE_KINDS = ['course_completion', 'appointment_training', 'yearly_continuing'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** The printed title of each kind. */
export const CERTIFICATE_TITLES: Readonly<Record<CertificateKind, string>> = {
  course_completion: '结业证书',
  appointment_training: '首席质量官任职培训合格证书',
  yearly_continuing: '年度继续教育学时证明',
};

/** The kind's code inside the serial number (`GS-CQO-2026-000123-K7`). */
export const CERTIFICATE_KIND_CODES: Readonly<Record<CertificateKind, string>> = {
  course_completion: 'JY',
  appointment_training: 'CQO',
  yearly_continuing: 'JX',
};

/** `suspended`: a yearly certificate whose year is no longer complete (reinstated to `valid` if it is again). */
export type CertificateStatus = 'valid' | 'suspended' | 'revoked' | 'superseded';

export const CATEGORY_LABELS: Readonly<Record<1 | 2, string>> = {
  1: '第一类（政策与管理基础）',
  2: '第二类（方法与工具）',
};
export const TRAINING_KIND_LABELS: Readonly<Record<'appointment' | 'continuing', string>> = {
  appointment: '任职培训',
  continuing: '继续教育',
};

/** A completed course (the `course.completed` event plus the course's title and organization). */
export interface CourseCompletionFacts {
  kind: 'course_completion';
  enrollmentId: string;
  courseId: string;
  courseVersionId: string;
  organizationId: string;
  courseTitle: string;
  organizationName: string;
  category: 1 | 2;
  trainingKind: 'appointment' | 'continuing';
  /** Exact decimal as text, e.g. "2.5". */
  creditHours: string;
  /** ISO instant of completion. */
  completedAt: string;
}

/** ≥ 21 category-1 appointment hours and the final appointment exam passed. */
export interface AppointmentTrainingFacts {
  kind: 'appointment_training';
  appointmentHours: string;
  requiredHours: string;
  /** ISO instant at which the final appointment exam was passed. */
  examPassedAt: string;
}

/** A year's category-1 continuing (≥ 14) and category-2 (≥ 30) hours. */
export interface YearlyContinuingFacts {
  kind: 'yearly_continuing';
  year: number;
  category1Hours: string;
  category1Required: string;
  category2Hours: string;
  category2Required: string;
}

export type CertificateFacts = CourseCompletionFacts | AppointmentTrainingFacts | YearlyContinuingFacts;
export type FactsOf<K extends CertificateKind> = Extract<CertificateFacts, { kind: K }>;

/** Who the certificate is for, as printed: never the whole ID number. */
export interface CertificateHolder {
  name: string;
  idNumberMasked: string;
}

/**
 * Everything a certificate states. It is stored with the record, signed (with the PDF's hash)
 * and is the only input of the renderer, so the same content always renders the same bytes.
 */
export interface CertificateContent {
  format: 1;
  serial: string;
  kind: CertificateKind;
  version: number;
  /** The serial this version replaces (a reissue), or null. */
  previousSerial: string | null;
  holder: CertificateHolder;
  subjectKey: string;
  period: string;
  facts: CertificateFacts;
  issuer: string;
  /** ISO instant of the first issue: frozen across retries and reissues. */
  issuedAt: string;
  /** ISO instant at which this version was made (equals issuedAt for version 1). */
  versionIssuedAt: string;
  verifyUrl: string;
}
