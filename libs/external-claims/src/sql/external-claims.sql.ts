import { defineQuery, defineTemplate } from '@cqo/core';
import type { CreditCategory, CreditKind } from '@cqo/credit-hours';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';
import type { ExternalClaimRejectedStage, ExternalClaimStatus } from '../external-claim.entity';

// SQL of external hour claims (ExternalClaimsService, ExternalClaimRules). Tables:
// external_hour_claims, external_claim_evidence, external_claim_rules (external-claims); trainees
// and enterprises (with their regions) through their owners' public views.

export const insertClaim = defineQuery<
  [
    id: string,
    traineeId: string,
    enterpriseId: string,
    organiser: string,
    title: string,
    startedOn: string,
    endedOn: string,
    year: number,
    category: CreditCategory,
    kind: CreditKind,
    hours: string,
    topicCodes: string[],
    createdAt: Date,
  ]
>(
  'externalClaims.claims.insert',
  `INSERT INTO external_hour_claims
             (id, trainee_id, enterprise_id, organiser, title, started_on, ended_on, year, category, kind, hours, topic_codes, status, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::numeric, $12, 'submitted', $13)`,
);

export const insertEvidence = defineQuery<
  [claimId: string, fileName: string, contentType: string, size: number, sha256: string, storageKey: string, createdAt: Date]
>(
  'externalClaims.evidence.insert',
  `INSERT INTO external_claim_evidence (claim_id, file_name, file_content_type, file_size, file_sha256, file_storage_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
);

export const endorseClaim = defineQuery<[id: string, by: string, at: Date]>(
  'externalClaims.claims.endorse',
  `UPDATE external_hour_claims SET status = 'endorsed', endorsed_by = $2, endorsed_at = $3 WHERE id = $1`,
);

export const rejectClaim = defineQuery<[id: string, stage: ExternalClaimRejectedStage, reason: string, by: string, at: Date]>(
  'externalClaims.claims.reject',
  `UPDATE external_hour_claims SET status = 'rejected', rejected_stage = $2, rejection_reason = $3, decided_by = $4, decided_at = $5 WHERE id = $1`,
);

export const approveClaim = defineQuery<
  [id: string, approvedHours: string, reductionReason: string | null, entryId: string, by: string, at: Date, entryYear: number]
>(
  'externalClaims.claims.approve',
  `UPDATE external_hour_claims SET status = 'approved', approved_hours = $2::numeric, reduction_reason = $3, credit_entry_id = $4,
                credit_entry_year = $7, decided_by = $5, decided_at = $6 WHERE id = $1`,
);

export const evidenceFile = defineQuery<
  [evidenceId: string, claimId: string],
  { file_name: string; file_content_type: string; file_storage_key: string }
>(
  'externalClaims.evidence.file',
  'SELECT file_name, file_content_type, file_storage_key FROM external_claim_evidence WHERE id = $1 AND claim_id = $2',
);

export const lockClaim = defineQuery<[id: string], { found: number }>(
  'externalClaims.claims.lock',
  'SELECT 1 AS found FROM external_hour_claims WHERE id = $1 FOR UPDATE',
);

/**
 * Claims with their trainee, enterprise and region (`e.region_path`) joined, for a condition
 * over `c` (the claim), `p` (the trainee) and `e` (the claim's enterprise).
 */
const CLAIMS_FROM = `FROM external_hour_claims c
       JOIN ${PUBLIC_TRAINEES} p ON p.user_id = c.trainee_id
       JOIN ${PUBLIC_ENTERPRISES} e ON e.id = c.enterprise_id`;

/** What the scope checks and decisions need of a claim. */
export interface ClaimScopeRow {
  trainee_id: string;
  enterprise_id: string;
  current_enterprise_id: string | null;
  path: string;
  status: ExternalClaimStatus;
  title: string;
  hours: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  ended_on: string;
}

export const claimScope = defineQuery<[id: string], ClaimScopeRow>(
  'externalClaims.claims.scope',
  `SELECT c.trainee_id, c.enterprise_id, p.enterprise_id AS current_enterprise_id, e.region_path AS path, c.status, c.title, c.hours::text,
              c.year, c.category, c.kind, to_char(c.ended_on, 'YYYY-MM-DD') AS ended_on
         ${CLAIMS_FROM}
        WHERE c.id = $1`,
);

export interface ClaimRow {
  id: string;
  trainee_id: string;
  trainee_name: string;
  enterprise_id: string;
  enterprise_name: string;
  organiser: string;
  title: string;
  started_on: string;
  ended_on: string;
  year: number;
  category: CreditCategory;
  kind: CreditKind;
  hours: string;
  topic_codes: string[];
  status: ExternalClaimStatus;
  endorsed_at: Date | null;
  decided_at: Date | null;
  rejected_stage: ExternalClaimRejectedStage | null;
  rejection_reason: string | null;
  approved_hours: string | null;
  reduction_reason: string | null;
  credit_entry_id: string | null;
  created_at: Date;
  evidence: { id: string; fileName: string; contentType: string; size: number }[];
}

/** The region column of the claims' condition. */
export const CLAIM_REGION_PATH = 'e.region_path';

/** The condition of a claims page: the own claims, one claim, or a staff list with its filters and scope. */
export const CLAIM_FILTERS = {
  trainee: 'c.trainee_id = $1',
  id: 'c.id = $1',
  list: '($1::text IS NULL OR c.status = $1) AND ($2::uuid IS NULL OR c.trainee_id = $2)',
  /** An enterprise sees a claim only while the trainee is still its confirmed employee. */
  currentEmployee: 'p.enterprise_id = c.enterprise_id',
};

export const countClaims = defineTemplate<'where', { total: number }>(
  'externalClaims.claims.count',
  ['where'],
  (f) => `SELECT count(*)::int AS total ${CLAIMS_FROM} WHERE ${f.where}`,
);

export const claimsPage = defineTemplate<'where' | 'page', ClaimRow>(
  'externalClaims.claims.page',
  ['where', 'page'],
  (f) => `SELECT c.*, c.hours::text AS hours, c.approved_hours::text AS approved_hours,
              to_char(c.started_on, 'YYYY-MM-DD') AS started_on, to_char(c.ended_on, 'YYYY-MM-DD') AS ended_on,
              p.full_name AS trainee_name, e.name AS enterprise_name,
              COALESCE((SELECT json_agg(json_build_object('id', v.id, 'fileName', v.file_name, 'contentType', v.file_content_type, 'size', v.file_size) ORDER BY v.file_storage_key)
                          FROM external_claim_evidence v WHERE v.claim_id = c.id), '[]') AS evidence
         ${CLAIMS_FROM} WHERE ${f.where}
        ORDER BY c.created_at DESC, c.id ${f.page}`,
);

export const claimLimits = defineQuery<
  [traineeId: string, year: number],
  { rule_set_id: string; max_category1_hours: string; max_category2_hours: string; late_window_days: number }
>(
  'externalClaims.rules.limits',
  `SELECT r.rule_set_id, r.max_category1_hours::text, r.max_category2_hours::text, r.late_window_days
         FROM ${PUBLIC_TRAINEES} p
         JOIN external_claim_rules r ON r.rule_set_id = governing_rule_set_id(p.enterprise_region_id, $2::int)
        WHERE p.user_id = $1`,
);

export const hoursCounted = defineQuery<[traineeId: string, year: number, category: CreditCategory, statuses: string[]], { total: string }>(
  'externalClaims.rules.hoursCounted',
  `SELECT COALESCE(sum(COALESCE(approved_hours, hours)), 0)::text AS total
         FROM external_hour_claims WHERE trainee_id = $1 AND year = $2 AND category = $3 AND status = ANY($4::text[])`,
);
