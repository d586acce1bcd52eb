import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AppConfig, chinaDateOf, chinaYearOf, Clock, ObjectStorage } from '@cqo/core';
import { ComplianceState, CreditHoursQueries, CreditSource, RequirementEvaluator } from '@cqo/credit-hours';
import { CertificateErrors } from '../certificates.errors';
import { CertificatesRepository } from '../certificates.repository';
import { checkCharacters } from '../serials/serial-number';
import { CertificateSigner, sha256Hex } from '../signing/certificate-signer';
import { HoursTranscriptEntity } from './hours-transcript.entity';
import { HoursTranscriptRenderer } from './hours-transcript-renderer';
import { HoursTranscriptContent, TRANSCRIPT_SERIAL_CODE, TranscriptEntry, TranscriptYear } from './hours-transcript.types';

const SOURCE_LABELS: Readonly<Record<CreditSource, string>> = {
  course_completion: '课程结业',
  in_person: '面授培训',
  manual_adjustment: '人工补录',
  external_claim: '外部学时认定',
  reversal: '冲销',
};
const STATE_LABELS: Readonly<Record<ComplianceState, string>> = {
  not_applicable: '不适用',
  on_track: '进度正常',
  at_risk: '进度滞后',
  complete: '已达标',
  shortfall: '学时不足',
};
const ENTRIES_PAGE = 100;

/** The transcript as handed out: its PDF and the names to give it. */
export interface IssuedTranscript {
  id: string;
  serial: string;
  pdf: Buffer;
  fileName: string;
}

/**
 * Hours transcripts (学时证明): at any time of the year, a signed PDF of a trainee's hours by year,
 * category and kind with the entries behind them. The numbers are the hours page's: totals and
 * entries from {@link CreditHoursQueries} (which also checks the caller's scope), requirement
 * states from {@link RequirementEvaluator}; nothing here compares hours with a requirement.
 * Serial (the certificates' sequence), Ed25519 signature, QR token and storage are the
 * certificates'; the public page verifies a transcript like a certificate.
 */
@Injectable()
export class HoursTranscriptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queries: CreditHoursQueries,
    private readonly evaluator: RequirementEvaluator,
    private readonly renderer: HoursTranscriptRenderer,
    private readonly signer: CertificateSigner,
    private readonly repository: CertificatesRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, traineeId: string): Promise<IssuedTranscript> {
    const summary = await this.queries.summary(actor, traineeId);
    // The certificates' own read of the profile (one place for the holder of every document).
    const holder = await this.repository.holder(traineeId);
    if (!holder) throw CertificateErrors.holderNotFound();
    const years: TranscriptYear[] = [];
    for (const { year, totals } of summary.years) {
      const verdict = await this.evaluator.yearVerdict(traineeId, year);
      years.push({
        year,
        totals: totals.map((t) => ({ category: t.category, kind: t.kind, hours: t.hours })),
        requirements: verdict.requirements.map((r) => ({
          name: r.ruleName,
          required: r.required,
          accrued: r.accrued,
          stateLabel: STATE_LABELS[r.state],
        })),
        entries: await this.entriesOf(actor, traineeId, year),
      });
    }
    const now = this.clock.now();
    const sequence = await this.repository.nextSerialNumber();
    const body = `${this.config.certificates.serialRegion}-${TRANSCRIPT_SERIAL_CODE}-${chinaYearOf(now)}-${sequence.padStart(6, '0')}`;
    const serial = `${body}-${checkCharacters(body)}`;
    const verifyToken = randomBytes(16).toString('base64url');
    const content: HoursTranscriptContent = {
      format: 1,
      kind: 'hours_transcript',
      serial,
      holder: { name: holder.fullName, idNumberMasked: holder.idNumberMasked },
      appointmentHours: summary.appointmentHours,
      years,
      issuer: this.config.certificates.issuerName,
      issuedAt: now.toISOString(),
      verifyUrl: `${this.config.publicBaseUrl}/verify/${verifyToken}`,
    };
    const pdf = await this.renderer.render(content);
    const pdfSha256 = sha256Hex(pdf);
    const storageKey = `transcripts/${chinaYearOf(now)}/${serial}.pdf`;
    // The file first: a record never points at a file that is not there.
    await this.storage.put(storageKey, pdf);
    const inserted = await this.dataSource.getRepository(HoursTranscriptEntity).insert({
      traineeId,
      serial,
      verifyToken,
      content,
      pdfSha256,
      signature: this.signer.signDocument(content, pdfSha256),
      signingKeyId: this.signer.keyId,
      storageKey,
      requestedBy: actor.userId,
      createdAt: now,
    });
    return { id: inserted.identifiers[0].id as string, serial, pdf, fileName: `学时证明-${holder.fullName}-${chinaDateOf(now)}.pdf` };
  }

  async findByToken(token: string): Promise<HoursTranscriptEntity | null> {
    return this.dataSource.getRepository(HoursTranscriptEntity).findOneBy({ verifyToken: token });
  }

  async findBySerial(serial: string): Promise<HoursTranscriptEntity | null> {
    return this.dataSource.getRepository(HoursTranscriptEntity).findOneBy({ serial });
  }

  async findBySha256(sha256: string): Promise<HoursTranscriptEntity | null> {
    return this.dataSource.getRepository(HoursTranscriptEntity).findOneBy({ pdfSha256: sha256 });
  }

  isAuthentic(transcript: HoursTranscriptEntity): boolean {
    return this.signer.verifyDocument(transcript.content, transcript.pdfSha256, transcript.signature, transcript.signingKeyId);
  }

  /** Every entry of the year, oldest first, through the hours page's own query. */
  private async entriesOf(actor: Actor, traineeId: string, year: number): Promise<TranscriptEntry[]> {
    const entries: TranscriptEntry[] = [];
    for (let page = 1; ; page++) {
      const batch = await this.queries.entries(actor, traineeId, { year }, { page, pageSize: ENTRIES_PAGE });
      for (const e of batch.items) {
        entries.push({
          date: chinaDateOf(new Date(e.occurredAt)),
          category: e.category,
          kind: e.kind,
          hours: e.hours,
          source: SOURCE_LABELS[e.source],
          note: e.reason,
        });
      }
      if (page * ENTRIES_PAGE >= batch.total) break;
    }
    return entries.reverse();
  }
}
