import type { AwardStanding } from '../enterprise.entity';

/**
 * The facts of an enterprise that decide whether it is in a target group of the notice (一、总体要求).
 * They are regulator-owned master data: set by the official lists' import, by a correction the
 * city approves, or by a platform admin; every change is a new version with who, when and source.
 */
export interface EnterpriseTargetFacts {
  name: string;
  regionId: string;
  stateOwned: boolean;
  aboveDesignatedSize: boolean;
  production: boolean;
  chinaQualityAward: AwardStanding;
  chinaQualityAwardYear: number | null;
  provincialQualityAward: AwardStanding;
  provincialQualityAwardYear: number | null;
  cityQualityAward: AwardStanding;
  cityQualityAwardYear: number | null;
}

/** The fact fields, in display order (the name and region are master data too). */
export const TARGET_FACT_FIELDS: readonly (keyof EnterpriseTargetFacts)[] = [
  'name',
  'regionId',
  'stateOwned',
  'aboveDesignatedSize',
  'production',
  'chinaQualityAward',
  'chinaQualityAwardYear',
  'provincialQualityAward',
  'provincialQualityAwardYear',
  'cityQualityAward',
  'cityQualityAwardYear',
];

/** Fields an enterprise admin may never change directly (they request a correction instead). */
export const REGULATOR_OWNED_FIELDS: readonly (keyof EnterpriseTargetFacts)[] = TARGET_FACT_FIELDS;

export type MasterDataSource = 'import' | 'correction' | 'admin' | 'initial';

/** The fields whose values differ between two sets of facts. */
export function changedFields(before: EnterpriseTargetFacts | null, after: EnterpriseTargetFacts): (keyof EnterpriseTargetFacts)[] {
  if (!before) return [...TARGET_FACT_FIELDS];
  return TARGET_FACT_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}
