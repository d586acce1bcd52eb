import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fileTypeFromBuffer } from 'file-type';
import { Actor, Clock, CommonErrors, DomainError, ObjectStorage, regionContains, Role, runQuery, safeFileName } from '@cqo/core';
import { TraineesService } from '@cqo/trainees';
import { FACT_KINDS, FactKind, FactState, TraineeFactEntity } from '../entities/trainee-fact.entity';
import { confirmFact, enterpriseRegionPath, verifyFact } from '../sql/flags-facts.sql';

/** Evidence may be a PDF or a JPEG/PNG scan, judged by its bytes, at most this size. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
// Within the API's 5 MiB JSON body limit once base64-encoded.
export const EVIDENCE_MAX_BYTES = 3 * 1024 * 1024;

export const FACT_LABELS: Readonly<Record<FactKind, string>> = {
  education: '学历',
  quality_work_years: '从事质量管理工作年限',
  qualification: '质量专业技术人员职业资格',
  title: '相关专业高级技术职称',
};
export const FACT_STATE_LABELS: Readonly<Record<FactState, string>> = {
  self_declared: '本人申报（未核实）',
  enterprise_confirmed: '企业已确认',
  city_verified: '市场监管部门已核实',
};

/** One eligibility fact as anyone who may see the trainee gets it. */
export interface TraineeFactView {
  fact: FactKind;
  label: string;
  /** The value on the profile now. */
  value: string;
  /** self_declared when no evidence supports the current value, or none was checked. */
  state: FactState;
  stateLabel: string;
  /** The latest evidence for this fact (null: none uploaded). */
  evidence: {
    id: string;
    value: string;
    /** The evidence supports an older profile value: the current value is only self-declared. */
    stale: boolean;
    fileName: string;
    fileContentType: string;
    fileSize: number;
    fileSha256: string;
    declaredAt: Date;
    confirmedAt: Date | null;
    verifiedAt: Date | null;
  } | null;
}

export interface EvidenceUpload {
  fileName: string;
  data: Buffer;
}

const FactErrors = {
  file: (message: string) => DomainError.invalid('EVIDENCE_FILE_INVALID', `证明材料无效：${message}`, [{ field: 'file', message }]),
  unknownFact: () => DomainError.invalid('FACT_UNKNOWN', '没有该项任职条件', [{ field: 'fact', message: `须为 ${FACT_KINDS.join('、')}` }]),
  notFound: () => DomainError.notFound('FACT_EVIDENCE_NOT_FOUND', '证明材料不存在'),
  wrongState: (expected: FactState) =>
    DomainError.conflict('FACT_EVIDENCE_WRONG_STATE', `该证明材料须处于“${FACT_STATE_LABELS[expected]}”状态`, [
      { field: 'state', message: `须为${expected}` },
    ]),
  stale: () =>
    DomainError.conflict('FACT_EVIDENCE_STALE', '学员资料已变更，该证明材料不再对应当前申报值，请重新上传', [
      { field: 'value', message: '与当前资料不符' },
    ]),
};

/**
 * The eligibility facts that rest on documents (education, quality-work years, qualification,
 * senior title): the trainee uploads evidence (self_declared), the enterprise admin confirms it
 * (enterprise_confirmed), the city regulator verifies it (city_verified). A fact whose profile
 * value changed since its evidence is self-declared again. Regulator views read `state`, never
 * assume verified. Files are stored through the certificates lib's storage.
 */
@Injectable()
export class TraineeFactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainees: TraineesService,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  /** The trainee uploads evidence for one of their facts: checked by bytes and size, stored, self_declared. */
  async declare(actor: Actor, fact: string, file: EvidenceUpload): Promise<TraineeFactView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    if (!(FACT_KINDS as readonly string[]).includes(fact)) throw FactErrors.unknownFact();
    if (file.data.length === 0) throw FactErrors.file('文件为空');
    if (file.data.length > EVIDENCE_MAX_BYTES) throw FactErrors.file(`文件不能超过${EVIDENCE_MAX_BYTES / 1024 / 1024}MB`);
    const type = await fileTypeFromBuffer(file.data);
    const ext = type ? EVIDENCE_TYPES[type.mime] : undefined;
    if (!type || !ext) throw FactErrors.file('仅接受 PDF、JPG、PNG 文件（按文件内容判断）');
    const values = await this.values(actor, actor.userId);
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const key = `registry/trainee-facts/${actor.userId}/${fact}/${sha256}.${ext}`;
    await this.storage.put(key, file.data);
    await this.dataSource.getRepository(TraineeFactEntity).insert({
      traineeId: actor.userId,
      fact: fact as FactKind,
      value: values[fact as FactKind],
      state: 'self_declared',
      file: { name: safeFileName(file.fileName), contentType: type.mime, size: file.data.length, sha256, storageKey: key },
      declaredAt: this.clock.now(),
      confirmedBy: null,
      confirmedAt: null,
      verifiedBy: null,
      verifiedAt: null,
    });
    return (await this.ofTrainee(actor, actor.userId)).find((f) => f.fact === fact)!;
  }

  /** The trainee's employer confirms the evidence (self_declared → enterprise_confirmed). */
  async confirm(actor: Actor, evidenceId: string): Promise<TraineeFactView> {
    const row = await this.requireEvidence(evidenceId);
    if (actor.role !== Role.EnterpriseAdmin) throw CommonErrors.outOfScope();
    await this.advance(actor, row, 'self_declared', 'enterprise_confirmed');
    return (await this.ofTrainee(actor, row.traineeId)).find((f) => f.fact === row.fact)!;
  }

  /** The city regulator verifies confirmed evidence (enterprise_confirmed → city_verified). */
  async verify(actor: Actor, evidenceId: string): Promise<TraineeFactView> {
    const row = await this.requireEvidence(evidenceId);
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    await this.advance(actor, row, 'enterprise_confirmed', 'city_verified');
    return (await this.ofTrainee(actor, row.traineeId)).find((f) => f.fact === row.fact)!;
  }

  /** Every fact of a trainee the actor may see, with its state. */
  async ofTrainee(actor: Actor, traineeId: string): Promise<TraineeFactView[]> {
    const values = await this.values(actor, traineeId);
    return this.factsFor(traineeId, values);
  }

  /** The facts of a trainee whose profile values are already known (no scope check: callers check). */
  async factsFor(traineeId: string, values: Record<FactKind, string>): Promise<TraineeFactView[]> {
    const rows: TraineeFactEntity[] = await this.dataSource
      .getRepository(TraineeFactEntity)
      .find({ where: { traineeId }, order: { declaredAt: 'DESC' } });
    return FACT_KINDS.map((fact) => {
      const latest = rows.find((r) => r.fact === fact) ?? null;
      const stale = latest !== null && latest.value !== values[fact];
      const state: FactState = latest && !stale ? latest.state : 'self_declared';
      return {
        fact,
        label: FACT_LABELS[fact],
        value: values[fact],
        state,
        stateLabel: FACT_STATE_LABELS[state],
        evidence: latest && {
          id: latest.id,
          value: latest.value,
          stale,
          fileName: latest.file.name,
          fileContentType: latest.file.contentType,
          fileSize: latest.file.size,
          fileSha256: latest.file.sha256,
          declaredAt: latest.declaredAt,
          confirmedAt: latest.confirmedAt,
          verifiedAt: latest.verifiedAt,
        },
      };
    });
  }

  /** The evidence file, for whoever may see the trainee. */
  async download(actor: Actor, evidenceId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const row = await this.requireEvidence(evidenceId);
    await this.profile(actor, row.traineeId);
    const data = await this.storage.get(row.file.storageKey);
    if (!data) throw FactErrors.notFound();
    return { fileName: row.file.name, contentType: row.file.contentType, data };
  }

  private async advance(actor: Actor, row: TraineeFactEntity, from: FactState, to: FactState): Promise<void> {
    const profile = await this.trainees.getVisible(actor, row.traineeId);
    if (actor.role === Role.EnterpriseAdmin && profile.enterpriseId !== actor.enterpriseId) throw CommonErrors.outOfScope();
    if (actor.role === Role.Regulator) {
      const [path] = await runQuery(this.dataSource, enterpriseRegionPath, [profile.enterpriseId]);
      if (!path || !actor.regionPath || !regionContains(actor.regionPath, path.path)) throw CommonErrors.outOfScope();
    }
    const values = await this.values(actor, row.traineeId);
    if (values[row.fact] !== row.value) throw FactErrors.stale();
    const updated = await runQuery(this.dataSource, to === 'enterprise_confirmed' ? confirmFact : verifyFact, [
      row.id,
      from,
      to,
      actor.userId,
      this.clock.now(),
    ]);
    if (updated.length === 0) throw FactErrors.wrongState(from);
  }

  private async requireEvidence(id: string): Promise<TraineeFactEntity> {
    const row = await this.dataSource.getRepository(TraineeFactEntity).findOneBy({ id });
    if (!row) throw FactErrors.notFound();
    return row;
  }

  /** The profile values of the facts, as text (the trainees lib owns the profile). */
  private async values(actor: Actor, traineeId: string): Promise<Record<FactKind, string>> {
    return factValues(await this.profile(actor, traineeId));
  }

  /** The trainee's own profile, or one the actor may see. */
  private profile(actor: Actor, traineeId: string) {
    return actor.role === Role.Trainee && actor.userId === traineeId
      ? this.trainees.getOwn(actor)
      : this.trainees.getVisible(actor, traineeId);
  }
}

/** The profile's values of the facts, as the evidence rows record them. */
export function factValues(p: {
  educationLevel: string;
  qualityWorkYears: number | string;
  qualityQualification: string;
  relatedSeniorTitle: boolean;
}): Record<FactKind, string> {
  return {
    education: p.educationLevel,
    quality_work_years: String(Number(p.qualityWorkYears)),
    qualification: p.qualityQualification,
    title: String(p.relatedSeniorTitle),
  };
}
