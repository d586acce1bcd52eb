import { defineTemplate } from '@cqo/core';
import { PUBLIC_REGIONS, PUBLIC_TRAINING_ORGANIZATIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';

// SQL of capability test conclusions (CapabilityResultsService). Tables: capability_results
// (exams); trainees, training organizations and regions through their libs' public views (names
// and the region scope). The scope depends on the actor's role, so the condition is a template
// over `trainee_region_path`, `org_region_path` and `owner_region_path` (t, o and rr).

export interface CapabilityResultRow {
  id: string;
  attempt_id: string;
  paper_id: string;
  trainee_id: string;
  trainee_name: string;
  organization_id: string | null;
  region_id: string | null;
  conducted_by_name: string;
  title: string;
  passed: boolean;
  score: number;
  max_score: number;
  percent: string;
  concluded_at: Date;
}

const SELECT = `
  SELECT c.*, t.full_name AS trainee_name,
         COALESCE(o.name, rr.name) AS conducted_by_name,
         t.enterprise_region_path AS trainee_region_path, o.region_path AS org_region_path, rr.path AS owner_region_path
    FROM capability_results c
    JOIN ${PUBLIC_TRAINEES} t ON t.user_id = c.trainee_id
    LEFT JOIN ${PUBLIC_TRAINING_ORGANIZATIONS} o ON o.id = c.organization_id
    LEFT JOIN ${PUBLIC_REGIONS} rr ON rr.id = c.region_id`;

export const countCapabilityResults = defineTemplate<'condition', { total: string }>(
  'exams.capabilityResults.count',
  ['condition'],
  (f) => `SELECT count(*) AS total FROM (${SELECT} WHERE ${f.condition}) x`,
);

/** `page` is `LIMIT n OFFSET m`. */
export const capabilityResultsPage = defineTemplate<'condition' | 'page', CapabilityResultRow>(
  'exams.capabilityResults.page',
  ['condition', 'page'],
  (f) => `${SELECT} WHERE ${f.condition} ORDER BY c.concluded_at DESC, c.id ${f.page}`,
);
