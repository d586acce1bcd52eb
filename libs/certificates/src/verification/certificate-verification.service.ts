import { Injectable } from '@nestjs/common';
import { chinaDateOf, maskName, normalizePii } from '@cqo/core';
import { CertificateEntity } from '../certificate.entity';
import {
  CATEGORY_LABELS,
  CERTIFICATE_TITLES,
  CertificateFacts,
  CertificateKind,
  CertificateStatus,
  TRAINING_KIND_LABELS,
} from '../certificate.types';
import { CertificatesRepository } from '../certificates.repository';
import { formatHours } from '../rendering/certificate-renderer';
import { normalizeSerial } from '../serials/serial-number';
import { CertificateSigner, sha256Hex } from '../signing/certificate-signer';
import { HoursTranscriptEntity } from '../transcripts/hours-transcript.entity';
import { TRANSCRIPT_TITLE } from '../transcripts/hours-transcript.types';
import { HoursTranscriptsService } from '../transcripts/hours-transcripts.service';

export type VerificationStatus = CertificateStatus | 'unknown';

/**
 * What anyone may learn about a certificate: its status, a masked name, what it certifies and
 * who issued it. Never the ID number (not even masked), never the token of another version.
 */
export interface PublicVerification {
  status: VerificationStatus;
  /** Whether the record's Ed25519 signature over its content and PDF hash checks out. */
  authentic: boolean;
  serial: string | null;
  kind: CertificateKind | null;
  title: string | null;
  holderName: string | null;
  /** One line per requirement met, e.g. `第一类 继续教育 14 学时`. */
  hours: string[];
  subject: string | null;
  issuer: string | null;
  /** Dates in China Standard Time, YYYY-MM-DD. */
  issuedOn: string | null;
  revokedOn: string | null;
  supersededOn: string | null;
  suspendedOn: string | null;
  /** Why a certificate is suspended, in plain words (its year's hours no longer meet the requirement). */
  suspensionReason: string | null;
}

export interface FileVerification {
  /** The file is byte for byte a PDF we issued (its SHA-256 is on record and the signature holds). */
  unaltered: boolean;
  certificate: PublicVerification;
}

const UNKNOWN: PublicVerification = {
  status: 'unknown',
  authentic: false,
  serial: null,
  kind: null,
  title: null,
  holderName: null,
  hours: [],
  subject: null,
  issuer: null,
  issuedOn: null,
  revokedOn: null,
  supersededOn: null,
  suspendedOn: null,
  suspensionReason: null,
};

/**
 * Public verification. The QR code carries a random 128-bit token; lookup by serial number
 * needs the last four characters of the holder's ID number as well, and answers `unknown`
 * for a wrong pair exactly as for a serial that does not exist, so serials (which are
 * sequential) cannot be walked to find other people's certificates.
 */
@Injectable()
export class CertificateVerificationService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly signer: CertificateSigner,
    private readonly transcripts: HoursTranscriptsService,
  ) {}

  async byToken(token: string): Promise<PublicVerification> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return UNKNOWN;
    const certificate = await this.repository.findByToken(token);
    if (certificate) return this.view(certificate);
    // The same page verifies hours transcripts (学时证明), whose QR codes carry a token too.
    const transcript = await this.transcripts.findByToken(token);
    return transcript ? this.transcriptView(transcript) : UNKNOWN;
  }

  async bySerial(serialInput: string, idLast4: string): Promise<PublicVerification> {
    const serial = normalizeSerial(serialInput);
    const last4 = normalizePii(idLast4 ?? '');
    if (!serial || !/^\d{3}[\dX]$/.test(last4)) return UNKNOWN;
    const certificate = await this.repository.findBySerial(serial);
    if (!certificate) {
      const transcript = await this.transcripts.findBySerial(serial);
      if (!transcript || !transcript.content.holder.idNumberMasked.toUpperCase().endsWith(last4)) return UNKNOWN;
      return this.transcriptView(transcript);
    }
    if (!certificate.content.holder.idNumberMasked.toUpperCase().endsWith(last4)) return UNKNOWN;
    return this.view(certificate);
  }

  /** Checks an uploaded PDF: known only if its SHA-256 is that of a certificate we issued. */
  async byFile(pdf: Buffer): Promise<FileVerification> {
    const certificate = await this.repository.findBySha256(sha256Hex(pdf));
    if (!certificate) {
      const transcript = await this.transcripts.findBySha256(sha256Hex(pdf));
      if (!transcript) return { unaltered: false, certificate: UNKNOWN };
      const view = this.transcriptView(transcript);
      return { unaltered: view.authentic, certificate: view };
    }
    const view = this.view(certificate);
    return { unaltered: view.authentic, certificate: view };
  }

  /** Whether a stored record is authentic: its signature verifies over its content and hash. */
  isAuthentic(certificate: CertificateEntity): boolean {
    return this.signer.verify(certificate.content, certificate.pdfSha256, certificate.signature, certificate.signingKeyId);
  }

  /** A transcript states the hours as of its issue: it stays valid as the record of that moment. */
  private transcriptView(transcript: HoursTranscriptEntity): PublicVerification {
    const { content } = transcript;
    return {
      ...UNKNOWN,
      status: 'valid',
      authentic: this.transcripts.isAuthentic(transcript),
      serial: transcript.serial,
      title: TRANSCRIPT_TITLE,
      holderName: maskName(content.holder.name),
      hours: transcriptHours(transcript),
      subject: `截至${chinaDateOf(new Date(content.issuedAt))}的学时记录`,
      issuer: content.issuer,
      issuedOn: chinaDateOf(new Date(content.issuedAt)),
    };
  }

  private view(certificate: CertificateEntity): PublicVerification {
    const { content } = certificate;
    return {
      status: certificate.status,
      authentic: this.isAuthentic(certificate),
      serial: certificate.serial,
      kind: certificate.kind,
      title: CERTIFICATE_TITLES[certificate.kind],
      holderName: maskName(content.holder.name),
      hours: hoursSummary(content.facts),
      subject: subjectOf(content.facts),
      issuer: content.issuer,
      issuedOn: chinaDateOf(new Date(content.issuedAt)),
      revokedOn: certificate.revokedAt ? chinaDateOf(certificate.revokedAt) : null,
      supersededOn: certificate.supersededAt ? chinaDateOf(certificate.supersededAt) : null,
      suspendedOn: certificate.status === 'suspended' && certificate.suspendedAt ? chinaDateOf(certificate.suspendedAt) : null,
      suspensionReason: certificate.status === 'suspended' ? certificate.suspensionReason : null,
    };
  }
}

/** Public lines of a transcript: the totals by year, category and kind, as printed. */
export function transcriptHours(transcript: Pick<HoursTranscriptEntity, 'content'>): string[] {
  return transcript.content.years.flatMap((y) =>
    y.totals.map((t) => `${y.year}年 第${t.category === 1 ? '一' : '二'}类 ${TRAINING_KIND_LABELS[t.kind]} ${formatHours(t.hours)} 学时`),
  );
}

export function hoursSummary(facts: CertificateFacts): string[] {
  switch (facts.kind) {
    case 'course_completion':
      return [
        `第${facts.category === 1 ? '一' : '二'}类 ${TRAINING_KIND_LABELS[facts.trainingKind]} ${formatHours(facts.creditHours)} 学时`,
      ];
    case 'appointment_training':
      return [`第一类 任职培训 ${formatHours(facts.appointmentHours)} 学时`];
    case 'yearly_continuing':
      return [`第一类 继续教育 ${formatHours(facts.category1Hours)} 学时`, `第二类 方法培训 ${formatHours(facts.category2Hours)} 学时`];
    default: {
      const unreachable: never = facts;
      throw new Error(`unknown facts ${JSON.stringify(unreachable)}`);
    }
  }
}

function subjectOf(facts: CertificateFacts): string {
  switch (facts.kind) {
    case 'course_completion':
      return `${facts.courseTitle}（${CATEGORY_LABELS[facts.category]}，${facts.organizationName}）`;
    case 'appointment_training':
      return '首席质量官任职培训';
    case 'yearly_continuing':
      return `${facts.year}年度继续教育`;
    default: {
      const unreachable: never = facts;
      throw new Error(`unknown facts ${JSON.stringify(unreachable)}`);
    }
  }
}
