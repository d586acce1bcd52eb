import { defineQuery } from '@cqo/core';
import { PUBLIC_ENTERPRISES, PUBLIC_REGIONS } from '@cqo/organizations';
import { PUBLIC_TRAINEES } from '@cqo/trainees';

// SQL of the registry's scope checks (registry-scope.ts). Tables: cqo_appointments (registry);
// enterprises, regions and trainee profiles through organizations' and trainees' public views.

export const enterpriseScopeQuery = defineQuery<[enterpriseId: string], { id: string; name: string; region_id: string; path: string }>(
  'registry.scope.enterprise',
  `SELECT e.id, e.name, e.region_id, g.path FROM ${PUBLIC_ENTERPRISES} e JOIN ${PUBLIC_REGIONS} g ON g.id = e.region_id WHERE e.id = $1`,
);

export const regionPathQuery = defineQuery<[regionId: string], { path: string }>(
  'registry.scope.regionPath',
  `SELECT path FROM ${PUBLIC_REGIONS} g WHERE id = $1`,
);

/** The enterprise on the trainee's profile and every enterprise of their appointments, with its region's path. */
export const traineeRegistryScopeQuery = defineQuery<
  [traineeId: string],
  { known: boolean; enterprise_id: string | null; path: string | null }
>(
  'registry.scope.trainee',
  `SELECT true AS known, x.enterprise_id, e.region_path AS path
       FROM ${PUBLIC_TRAINEES} p
       LEFT JOIN LATERAL (
         SELECT p.enterprise_id WHERE p.enterprise_id IS NOT NULL
         UNION SELECT a.enterprise_id FROM cqo_appointments a WHERE a.trainee_id = p.user_id
       ) x ON true
       LEFT JOIN ${PUBLIC_ENTERPRISES} e ON e.id = x.enterprise_id
      WHERE p.user_id = $1`,
);
