import { defineQuery, regionScopeOrAllSql } from '@cqo/core';
import type { AwardStanding } from '../enterprise.entity';
import type { CorrectionStatus } from '../master-data/enterprise-correction.entity';
import type { EnterpriseTargetFacts, MasterDataSource } from '../master-data/master-data.types';

// SQL of enterprises' master-data history and correction requests (MasterDataService). Tables:
// enterprise_master_versions, enterprise_correction_requests, enterprises, regions (organizations).

export interface MasterVersionRow {
  id: string;
  effective_on_text: string;
  name: string;
  region_id: string;
  state_owned: boolean;
  above_designated_size: boolean;
  production: boolean;
  china_quality_award: AwardStanding;
  china_quality_award_year: number | null;
  provincial_quality_award: AwardStanding;
  provincial_quality_award_year: number | null;
  city_quality_award: AwardStanding;
  city_quality_award_year: number | null;
  changed_fields: string[];
  source: MasterDataSource;
  source_id: string | null;
  source_file: string | null;
  changed_by: string | null;
  recorded_at: Date;
}

/** An enterprise's master-data versions, newest first. */
export const masterVersions = defineQuery<[enterpriseId: string], MasterVersionRow>(
  'organizations.masterData.versions',
  `SELECT v.*, v.effective_on::text AS effective_on_text
         FROM enterprise_master_versions v
        WHERE v.enterprise_id = $1 ORDER BY v.effective_on DESC, v.recorded_at DESC, v.id`,
);

const CORRECTIONS_FROM = `FROM enterprise_correction_requests c JOIN enterprises e ON e.id = c.enterprise_id JOIN regions g ON g.id = e.region_id
        WHERE ($1::uuid IS NULL OR c.enterprise_id = $1) AND ${regionScopeOrAllSql('g.path', '$2')}
          AND ($3::text IS NULL OR c.status = $3)`;

type CorrectionFilter = [enterpriseId: string | null, regionPath: string | null, status: CorrectionStatus | null];

export const countCorrections = defineQuery<CorrectionFilter, { total: number }>(
  'organizations.masterData.countCorrections',
  `SELECT count(*)::int AS total ${CORRECTIONS_FROM}`,
);

export const correctionIds = defineQuery<[...CorrectionFilter, limit: number, offset: number], { id: string }>(
  'organizations.masterData.correctionIds',
  `SELECT c.id ${CORRECTIONS_FROM} ORDER BY c.requested_at DESC, c.id LIMIT $4 OFFSET $5`,
);

export interface CorrectionRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  changes: Partial<EnterpriseTargetFacts>;
  reason: string;
  status: CorrectionStatus;
  requested_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
}

export const correctionById = defineQuery<[id: string], CorrectionRow>(
  'organizations.masterData.correction',
  'SELECT c.*, e.name AS enterprise_name FROM enterprise_correction_requests c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.id = $1',
);

export const enterpriseRegionPath = defineQuery<[enterpriseId: string], { path: string }>(
  'organizations.masterData.enterpriseRegionPath',
  'SELECT g.path FROM enterprises e JOIN regions g ON g.id = e.region_id WHERE e.id = $1',
);

export const regionExists = defineQuery<[regionId: string], { found: number }>(
  'organizations.masterData.regionExists',
  'SELECT 1 AS found FROM regions WHERE id = $1',
);
