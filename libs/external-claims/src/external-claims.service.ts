import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, FieldIssue, Page, PageRequest } from '@cqo/core';
import {
  checkEvidenceFile,
  chinaDateOf,
  chinaYearOf,
  Clock,
  CommonErrors,
  fieldLabel,
  normalizeHours,
  ObjectStorage,
  Role,
  runCommand,
  runQuery,
  runTemplatePage,
  ScopePolicy,
  toCentiHours,
} from '@cqo/core';
import { topics } from '@cqo/courses';
import { CreditCategory, CreditKind, LedgerService } from '@cqo/credit-hours';
import { AuditLogService } from '@cqo/identity';
import { NotificationsService } from '@cqo/notifications';
import { employerLinkOf, lockTraineeProfile } from '@cqo/trainees';
import { ExternalClaimRejectedStage, ExternalClaimStatus } from './external-claim.entity';
import { checkClaimShape, ExternalClaimInput, reasonIssue } from './external-claim-input';
import { ExternalClaimRules, lateWindowEnd, withinLimit } from './external-claim-rules';
import { ExternalClaimErrors } from './external-claims.errors';
import {
  approveClaim,
  CLAIM_FILTERS,
  CLAIM_REGION_PATH,
  ClaimRow,
  claimScope,
  claimsPage,
  countClaims,
  endorseClaim,
  evidenceFile,
  insertClaim,
  insertEvidence,
  lockClaim,
  rejectClaim,
} from './sql/external-claims.sql';

export interface ExternalClaimView {
  id: string;
  traineeId: string;
  traineeName: string;
  enterpriseId: string;
  enterpriseName: string;
  organiser: string;
  title: string;
  startedOn: string;
  endedOn: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  hours: string;
  topicCodes: string[];
  status: ExternalClaimStatus;
  endorsedAt: Date | null;
  decidedAt: Date | null;
  rejectedStage: ExternalClaimRejectedStage | null;
  rejectionReason: string | null;
  approvedHours: string | null;
  reductionReason: string | null;
  creditEntryId: string | null;
  createdAt: Date;
  evidence: { id: string; fileName: string; contentType: string; size: number }[];
}

export interface ApprovalInput {
  /** Hours approved; fewer than claimed needs a reason. Omitted: as claimed. */
  approvedHours?: string;
  reductionReason?: string;
}

/** Claims that count against the yearly limit when a new one is made: everything not rejected. */
const PENDING_OR_APPROVED = ['submitted', 'endorsed', 'approved'] as const;
const CLAIM_STATUS_LABELS: Readonly<Record<ExternalClaimStatus, string>> = {
  submitted: '待企业确认',
  endorsed: '待市场监管部门审核',
  approved: '已认定',
  rejected: '未通过',
};

/**
 * Hours earned elsewhere (外部学时认定): the trainee claims them with evidence, the admin of the
 * trainee's confirmed employer endorses (or rejects), the city regulator over that enterprise
 * approves — possibly fewer hours, with a reason — or rejects. An approved claim is appended to
 * the ledger through {@link LedgerService} (source `external_claim`, dated at the training's end,
 * once per claim), whose `credit.accrued` event recomputes compliance, closed years included.
 * Every step is audited; the trainee is notified of the decision.
 */
@Injectable()
export class ExternalClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly rules: ExternalClaimRules,
    private readonly storage: ObjectStorage,
    private readonly audit: AuditLogService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, input: ExternalClaimInput): Promise<ExternalClaimView> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    const now = this.clock.now();
    const issues = checkClaimShape(input, chinaDateOf(now));
    if (issues.length === 0) issues.push(...(await this.topicIssues(input)));
    const files = await this.checkFiles(input, issues);
    if (issues.length > 0) throw invalid(issues);

    const year = chinaYearOf(endOfTraining(input.endedOn));
    const employer = await employerLinkOf(this.dataSource, actor.userId);
    const enterpriseId = employer?.enterpriseId;
    if (!enterpriseId) throw ExternalClaimErrors.noEmployer();
    const linkedOn = chinaDateOf(new Date(employer.linkedAt));
    if (input.startedOn < linkedOn) {
      throw invalid([{ field: 'startedOn', message: `不能早于企业确认任职关系的日期（${linkedOn}）` }]);
    }
    const limits = await this.rules.limitsFor(actor.userId, year);
    if (!limits) throw ExternalClaimErrors.noRules(year);
    if (now.getTime() >= lateWindowEnd(year, limits.lateWindowDays).getTime()) {
      throw invalid([{ field: 'endedOn', message: `${year}年度已结束，补报期限（年度结束后${limits.lateWindowDays}天）已过` }]);
    }

    const claimId = randomUUID();
    const stored: string[] = [];
    try {
      for (const [i, f] of files.entries()) {
        const key = `external-claims/${actor.userId}/${claimId}/${i + 1}-${f.sha256}.${f.ext}`;
        await this.storage.put(key, f.data);
        stored.push(key);
      }
      await this.dataSource.transaction(async (manager) => {
        // One claim at a time per trainee, so two at once cannot both squeeze under the limit.
        await lockTraineeProfile(manager, actor.userId);
        const counted = await this.rules.hoursCounted(manager, actor.userId, year, input.category, PENDING_OR_APPROVED);
        const max = limits.maxHours[input.category];
        if (!withinLimit(counted, input.hours, max)) {
          throw invalid([
            {
              field: 'hours',
              message: `超过${year}年度外部学时上限：第${input.category === 1 ? '一' : '二'}类每年最多${normalizeHours(max)}学时，已申报或认定${normalizeHours(counted)}学时`,
            },
          ]);
        }
        await runCommand(manager, insertClaim, [
          claimId,
          actor.userId,
          enterpriseId,
          input.organiser.trim(),
          input.title.trim(),
          input.startedOn,
          input.endedOn,
          year,
          input.category,
          input.category === 2 ? 'continuing' : input.kind,
          normalizeHours(input.hours),
          [...new Set(input.topicCodes)],
          now,
        ]);
        for (const [i, f] of files.entries()) {
          await runCommand(manager, insertEvidence, [claimId, f.fileName, f.mime, f.data.length, f.sha256, stored[i], now]);
        }
        await this.audit.record(
          {
            action: 'external_claim.submitted',
            actorId: actor.userId,
            subjectId: actor.userId,
            details: { claimId, year, category: input.category, hours: normalizeHours(input.hours) },
          },
          manager,
        );
      });
    } catch (error) {
      // Nothing written: the files of a claim that was not recorded go too.
      await Promise.all(stored.map((key) => this.storage.delete(key)));
      throw error;
    }
    return this.view(claimId);
  }

  /** The trainee's own claims, newest first. */
  async listOwn(actor: Actor, page: PageRequest): Promise<Page<ExternalClaimView>> {
    if (actor.role !== Role.Trainee) throw CommonErrors.outOfScope();
    return this.page(CLAIM_FILTERS.trainee, [actor.userId], page);
  }

  /**
   * Claims the caller may see: the enterprise admin its confirmed employees' claims, a regulator
   * those of enterprises in its region, a platform admin all. `status` filters (the work queues:
   * `submitted` for the enterprise, `endorsed` for the city).
   */
  async list(
    actor: Actor,
    filter: { status?: ExternalClaimStatus; traineeId?: string },
    page: PageRequest,
  ): Promise<Page<ExternalClaimView>> {
    const params: unknown[] = [filter.status ?? null, filter.traineeId ?? null];
    const where = [CLAIM_FILTERS.list];
    const scope = ScopePolicy.where(actor, { enterprise: 'c.enterprise_id', regionPath: CLAIM_REGION_PATH }, params);
    if (scope === null) throw CommonErrors.outOfScope();
    where.push(scope);
    // An enterprise sees a claim only while the trainee is still its confirmed employee.
    if (ScopePolicy.of(actor).kind === 'enterprise') where.push(CLAIM_FILTERS.currentEmployee);
    return this.page(where.join(' AND '), params, page);
  }

  async get(actor: Actor, id: string): Promise<ExternalClaimView> {
    const claim = await this.view(id);
    this.assertCanSee(actor, claim, await this.scopeOf(this.dataSource.manager, id));
    return claim;
  }

  /** The employer's admin vouches for the claim (submitted → endorsed). */
  async endorse(actor: Actor, id: string): Promise<ExternalClaimView> {
    if (actor.role !== Role.EnterpriseAdmin) throw CommonErrors.outOfScope();
    await this.dataSource.transaction(async (manager) => {
      const scope = await this.lockInScope(manager, actor, id);
      if (scope.status !== 'submitted') throw ExternalClaimErrors.wrongState(CLAIM_STATUS_LABELS.submitted);
      await runCommand(manager, endorseClaim, [id, actor.userId, this.clock.now()]);
      await this.audit.record(
        { action: 'external_claim.endorsed', actorId: actor.userId, subjectId: scope.traineeId, details: { claimId: id } },
        manager,
      );
    });
    return this.view(id);
  }

  /** The enterprise (while submitted) or the city (while endorsed) turns the claim down, with a reason. */
  async reject(actor: Actor, id: string, reason: string): Promise<ExternalClaimView> {
    if (actor.role !== Role.EnterpriseAdmin && actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    const issues = reasonIssue('reason', reason, '不通过的原因');
    if (issues.length > 0) throw invalid(issues);
    const stage: ExternalClaimRejectedStage = actor.role === Role.EnterpriseAdmin ? 'enterprise' : 'regulator';
    const expected: ExternalClaimStatus = stage === 'enterprise' ? 'submitted' : 'endorsed';
    await this.dataSource.transaction(async (manager) => {
      const scope = await this.lockInScope(manager, actor, id);
      if (scope.status !== expected) throw ExternalClaimErrors.wrongState(CLAIM_STATUS_LABELS[expected]);
      const now = this.clock.now();
      await runCommand(manager, rejectClaim, [id, stage, reason.trim(), actor.userId, now]);
      await this.audit.record(
        { action: 'external_claim.rejected', actorId: actor.userId, subjectId: scope.traineeId, details: { claimId: id, stage } },
        manager,
      );
      await this.notifications.notify(
        {
          userId: scope.traineeId,
          kind: 'external_claim.decided',
          title: '外部学时申请未通过',
          body: `您申报的“${scope.title}”（${normalizeHours(scope.hours)}学时）未通过${stage === 'enterprise' ? '企业确认' : '市场监管部门审核'}。原因：${reason.trim()}`,
          dedupeKey: `external_claim:${id}:decided`,
        },
        manager,
      );
    });
    return this.view(id);
  }

  /**
   * The city approves an endorsed claim, possibly with fewer hours (then with a reason). The hours
   * become one ledger entry in the training's year; the yearly limit is checked again against
   * the approved claims, under the trainee's lock.
   */
  async approve(actor: Actor, id: string, input: ApprovalInput): Promise<ExternalClaimView> {
    if (actor.role !== Role.Regulator) throw CommonErrors.outOfScope();
    await this.dataSource.transaction(async (manager) => {
      const scope = await this.lockInScope(manager, actor, id);
      if (scope.status !== 'endorsed') throw ExternalClaimErrors.wrongState(CLAIM_STATUS_LABELS.endorsed);
      const approved = input.approvedHours ?? scope.hours;
      const issues: FieldIssue[] = [];
      if (typeof approved !== 'string' || !/^\d{1,5}(\.\d{1,2})?$/.test(approved) || toCentiHours(approved) <= 0n) {
        issues.push({ field: 'approvedHours', message: '必须是大于 0 的学时数（最多两位小数）' });
      } else if (toCentiHours(approved) > toCentiHours(scope.hours)) {
        issues.push({ field: 'approvedHours', message: `不能超过申报的${normalizeHours(scope.hours)}学时` });
      } else if (toCentiHours(approved) < toCentiHours(scope.hours)) {
        issues.push(...reasonIssue('reductionReason', input.reductionReason, '核减学时的原因'));
      }
      if (issues.length > 0) throw invalid(issues);
      await lockTraineeProfile(manager, scope.traineeId);
      const limits = await this.rules.limitsFor(scope.traineeId, scope.year, manager);
      if (!limits) throw ExternalClaimErrors.noRules(scope.year);
      const counted = await this.rules.hoursCounted(manager, scope.traineeId, scope.year, scope.category, ['approved']);
      const max = limits.maxHours[scope.category];
      if (!withinLimit(counted, approved, max)) {
        throw invalid([
          {
            field: 'approvedHours',
            message: `超过${scope.year}年度外部学时上限（${normalizeHours(max)}学时），已认定${normalizeHours(counted)}学时`,
          },
        ]);
      }
      const reduced = toCentiHours(approved) < toCentiHours(scope.hours);
      const entry = await this.ledger.append(manager, {
        traineeId: scope.traineeId,
        category: scope.category,
        kind: scope.kind,
        hours: normalizeHours(approved),
        occurredAt: endOfTraining(scope.endedOn),
        source: 'external_claim',
        evidenceRef: `external_claim:${id}`,
        accrualKey: `external_claim:${id}`,
        reason: `外部学时认定：${scope.title}`,
        recordedBy: actor.userId,
      });
      const now = this.clock.now();
      await runCommand(manager, approveClaim, [
        id,
        normalizeHours(approved),
        reduced ? input.reductionReason!.trim() : null,
        entry.entryId,
        actor.userId,
        now,
        entry.year,
      ]);
      await this.audit.record(
        {
          action: 'external_claim.approved',
          actorId: actor.userId,
          subjectId: scope.traineeId,
          details: { claimId: id, entryId: entry.entryId, claimed: normalizeHours(scope.hours), approved: normalizeHours(approved) },
        },
        manager,
      );
      const cut = reduced
        ? `核减为${normalizeHours(approved)}学时，原因：${input.reductionReason!.trim()}`
        : `认定${normalizeHours(approved)}学时`;
      await this.notifications.notify(
        {
          userId: scope.traineeId,
          kind: 'external_claim.decided',
          title: '外部学时申请已认定',
          body: `您申报的“${scope.title}”（${normalizeHours(scope.hours)}学时）已通过审核，${cut}，计入${scope.year}年度。`,
          dedupeKey: `external_claim:${id}:decided`,
        },
        manager,
      );
    });
    return this.view(id);
  }

  /** One evidence file of a claim, for whoever may see the claim. */
  async evidenceFile(actor: Actor, claimId: string, evidenceId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    await this.get(actor, claimId);
    const rows = await runQuery(this.dataSource, evidenceFile, [evidenceId, claimId]);
    if (rows.length === 0) throw ExternalClaimErrors.evidenceNotFound();
    const data = await this.storage.get(rows[0].file_storage_key);
    if (!data) throw ExternalClaimErrors.evidenceNotFound();
    return { fileName: rows[0].file_name, contentType: rows[0].file_content_type, data };
  }

  private async topicIssues(input: ExternalClaimInput): Promise<FieldIssue[]> {
    const codes = [...new Set(input.topicCodes)];
    if (codes.some((c) => typeof c !== 'string')) return [{ field: 'topicCodes', message: '培训专题无效' }];
    const known = new Set((await topics(this.dataSource)).filter((t) => t.category === input.category).map((t) => t.code));
    const unknown = codes.filter((c) => !known.has(c));
    return unknown.length === 0
      ? []
      : [{ field: 'topicCodes', message: `不是第${input.category === 1 ? '一' : '二'}类培训专题：${unknown.join('、').slice(0, 200)}` }];
  }

  private async checkFiles(input: ExternalClaimInput, issues: FieldIssue[]): Promise<CheckedFile[]> {
    if (!Array.isArray(input.evidence)) return [];
    const files: CheckedFile[] = [];
    for (const [i, f] of input.evidence.entries()) {
      const check = await checkEvidenceFile(f.data);
      if (!check.ok) {
        issues.push({ field: `evidence[${i}]`, message: check.message });
        continue;
      }
      const fileName = (typeof f.fileName === 'string' && f.fileName.trim() ? f.fileName : `evidence.${check.ext}`)
        .replace(/[\\/\r\n"]/g, '_')
        .slice(0, 200);
      files.push({ fileName, data: f.data, mime: check.mime, ext: check.ext, sha256: createHash('sha256').update(f.data).digest('hex') });
    }
    return files;
  }

  /** Locks the claim and checks the caller acts within scope (unknown → 404, elsewhere → 403). */
  private async lockInScope(manager: EntityManager, actor: Actor, id: string): Promise<ClaimScope> {
    const locked = await runQuery(manager, lockClaim, [id]);
    if (locked.length === 0) throw ExternalClaimErrors.notFound();
    const scope = await this.scopeOf(manager, id);
    this.assertCanSee(actor, { traineeId: scope.traineeId, enterpriseId: scope.enterpriseId }, scope);
    return scope;
  }

  private assertCanSee(actor: Actor, claim: { traineeId: string; enterpriseId: string }, scope: ClaimScope): void {
    const allowed = ScopePolicy.covers(actor, {
      traineeId: claim.traineeId,
      // Only while the trainee is still the enterprise's confirmed employee.
      enterpriseIds: scope.currentEnterpriseId === claim.enterpriseId ? [claim.enterpriseId] : [],
      regionPaths: [scope.regionPath],
    });
    if (!allowed) throw CommonErrors.outOfScope();
  }

  private async scopeOf(manager: EntityManager, id: string): Promise<ClaimScope> {
    const rows = await runQuery(manager, claimScope, [id]);
    const r = rows[0];
    if (!r) throw ExternalClaimErrors.notFound();
    return {
      traineeId: r.trainee_id,
      enterpriseId: r.enterprise_id,
      currentEnterpriseId: r.current_enterprise_id,
      regionPath: r.path,
      status: r.status,
      title: r.title,
      hours: r.hours,
      year: r.year,
      category: r.category,
      kind: r.kind,
      endedOn: r.ended_on,
    };
  }

  private async view(id: string): Promise<ExternalClaimView> {
    const page = await this.page(CLAIM_FILTERS.id, [id], { page: 1, pageSize: 1 });
    if (page.items.length === 0) throw ExternalClaimErrors.notFound();
    return page.items[0];
  }

  private async page(where: string, params: unknown[], page: PageRequest): Promise<Page<ExternalClaimView>> {
    return runTemplatePage(this.dataSource, { count: countClaims, rows: claimsPage }, { where }, params, page, (rows) => rows.map(toView));
  }
}

/** 400 naming each field, worded by its on-screen label (the claim form's names first). */
function invalid(issues: FieldIssue[]) {
  return CommonErrors.validationFailed(
    issues.map((i) => ({ ...i, label: i.label ?? fieldLabel(i.field, 'zh', 'ExternalClaimCreateDto') })),
  );
}

/** The instant the hours are dated at: noon CST of the training's last day (its day, so its year, is what counts). */
function endOfTraining(endedOn: string): Date {
  return new Date(`${endedOn}T12:00:00+08:00`);
}

interface CheckedFile {
  fileName: string;
  data: Buffer;
  mime: string;
  ext: string;
  sha256: string;
}

interface ClaimScope {
  traineeId: string;
  enterpriseId: string;
  currentEnterpriseId: string | null;
  regionPath: string;
  status: ExternalClaimStatus;
  title: string;
  hours: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  endedOn: string;
}

function toView(r: ClaimRow): ExternalClaimView {
  return {
    id: r.id,
    traineeId: r.trainee_id,
    traineeName: r.trainee_name,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    organiser: r.organiser,
    title: r.title,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    year: r.year,
    category: r.category,
    kind: r.kind,
    hours: normalizeHours(r.hours),
    topicCodes: r.topic_codes,
    status: r.status,
    endorsedAt: r.endorsed_at,
    decidedAt: r.decided_at,
    rejectedStage: r.rejected_stage,
    rejectionReason: r.rejection_reason,
    approvedHours: r.approved_hours === null ? null : normalizeHours(r.approved_hours),
    reductionReason: r.reduction_reason,
    creditEntryId: r.credit_entry_id,
    createdAt: r.created_at,
    evidence: r.evidence,
  };
}
