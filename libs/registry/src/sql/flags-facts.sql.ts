import { defineQuery } from '@cqo/core';
import { PUBLIC_USER_NAMES } from '@cqo/identity';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';
import type { DeclarationItem } from '../entities/cqo-declaration.entity';
import type { FactState } from '../entities/trainee-fact.entity';

// SQL of regulator flags (CqoFlagsService), declarations (DeclarationsService) and trainee facts
// (TraineeFactsService). Tables: cqo_flags, cqo_declarations, trainee_facts (registry); accounts
// and enterprises through identity's and organizations' public views.

/** A flag with the name of the regulator who raised it. */
export interface FlagRow {
  id: string;
  trainee_id: string;
  reason: string;
  disqualifying_circumstance: string | null;
  flagged_on_text: string;
  flagged_by: string | null;
  flagged_by_name: string | null;
  cleared_at: Date | null;
  cleared_by: string | null;
  clear_reason: string | null;
  created_at: Date;
}

const FLAG_SELECT = `SELECT f.*, f.flagged_on::text AS flagged_on_text, u.display_name AS flagged_by_name FROM cqo_flags f LEFT JOIN ${PUBLIC_USER_NAMES} u ON u.id = f.flagged_by`;

export const flagById = defineQuery<[id: string], FlagRow>('registry.flags.byId', `${FLAG_SELECT} WHERE f.id = $1`);

export const flagsOfTrainee = defineQuery<[traineeId: string], FlagRow>(
  'registry.flags.ofTrainee',
  `${FLAG_SELECT} WHERE f.trainee_id = $1 ORDER BY f.flagged_on DESC, f.created_at DESC, f.id`,
);

export const clearFlag = defineQuery<[id: string, at: Date, clearedBy: string, reason: string], { id: string }>(
  'registry.flags.clear',
  'UPDATE cqo_flags SET cleared_at = $2, cleared_by = $3, clear_reason = $4 WHERE id = $1 AND cleared_at IS NULL RETURNING id',
);

export const declarationsOfTrainee = defineQuery<
  [traineeId: string],
  {
    id: string;
    trainee_id: string;
    enterprise_id: string;
    enterprise_name: string;
    declared_on: string;
    answers: Record<DeclarationItem, boolean>;
    any_disqualifying: boolean;
    note: string | null;
    created_at: Date;
  }
>(
  'registry.declarations.ofTrainee',
  `SELECT d.id, d.trainee_id, d.enterprise_id, e.name AS enterprise_name, d.declared_on::text, d.answers, d.any_disqualifying, d.note, d.created_at
           FROM cqo_declarations d JOIN ${PUBLIC_ENTERPRISES} e ON e.id = d.enterprise_id
          WHERE d.trainee_id = $1 ORDER BY d.declared_on DESC, d.created_at DESC, d.id`,
);

export const enterpriseRegionPath = defineQuery<[enterpriseId: string | null], { path: string }>(
  'registry.facts.enterpriseRegionPath',
  `SELECT e.region_path AS path FROM ${PUBLIC_ENTERPRISES} e WHERE e.id = $1`,
);

/** Evidence moves one state on (`from` → `to`), stamped by whom and when. */
export const confirmFact = defineQuery<[id: string, from: FactState, to: FactState, by: string, at: Date], { id: string }>(
  'registry.facts.confirm',
  'UPDATE trainee_facts SET state = $3, confirmed_by = $4, confirmed_at = $5 WHERE id = $1 AND state = $2 RETURNING id',
);

export const verifyFact = defineQuery<[id: string, from: FactState, to: FactState, by: string, at: Date], { id: string }>(
  'registry.facts.verify',
  'UPDATE trainee_facts SET state = $3, verified_by = $4, verified_at = $5 WHERE id = $1 AND state = $2 RETURNING id',
);
