import { defineQuery, defineTemplate, regionScopeSql } from '@cqo/core';
import { PUBLIC_ENTERPRISES } from '@cqo/organizations';

// SQL of ID-number collisions (IdNumberCollisionsService). Tables: id_number_collisions,
// trainee_profiles (trainees); enterprises and their regions through organizations' public view.

export interface CollisionRow {
  id: string;
  created_at: Date;
  id_number_masked: string;
  id_number_hash: string;
  user_id: string;
  claimant_name: string;
  claimant_hash: string;
  claimed_enterprise_name: string | null;
  existing_user_id: string;
  holder_name: string;
  holder_enterprise_name: string | null;
  resolved_at: Date | null;
}

/** The collision with both people, their employers and those employers' regions (for the scope). */
const COLLISIONS = `
  SELECT c.id, c.created_at, c.id_number_masked, c.id_number_hash, c.resolved_at,
         c.user_id, cp.full_name AS claimant_name, cp.id_number_hash AS claimant_hash, ce.name AS claimed_enterprise_name,
         c.existing_user_id, hp.full_name AS holder_name, he.name AS holder_enterprise_name
    FROM id_number_collisions c
    JOIN trainee_profiles cp ON cp.user_id = c.user_id
    JOIN trainee_profiles hp ON hp.user_id = c.existing_user_id
    LEFT JOIN ${PUBLIC_ENTERPRISES} ce ON ce.id = c.enterprise_id
    LEFT JOIN ${PUBLIC_ENTERPRISES} he ON he.id = hp.enterprise_id`;

/** The scope conditions over {@link COLLISIONS}, their one parameter being `$first`. */
export const collisionScope = {
  all: () => 'TRUE',
  enterprise: (first: number) => `(c.enterprise_id = $${first} OR hp.enterprise_id = $${first})`,
  region: (first: number) => `(${regionScopeSql('ce.region_path', `$${first}`)} OR ${regionScopeSql('he.region_path', `$${first}`)})`,
};

/** Pending collisions in a scope (its parameter is `$1`), oldest first. */
export const pendingCollisions = defineTemplate<'scope', CollisionRow>(
  'trainees.collisions.pending',
  ['scope'],
  (f) => `${COLLISIONS} WHERE c.resolved_at IS NULL AND ${f.scope} ORDER BY c.created_at, c.id LIMIT 200`,
);

/** One collision in a scope (its parameter is `$2`), locked with both profiles. */
export const lockCollision = defineTemplate<'scope', CollisionRow>(
  'trainees.collisions.lock',
  ['scope'],
  (f) => `${COLLISIONS} WHERE c.id = $1 AND ${f.scope} FOR UPDATE OF c, cp, hp`,
);

export const setIdNumberHash = defineQuery<[userId: string, hash: string, now: Date]>(
  'trainees.collisions.setIdNumberHash',
  'UPDATE trainee_profiles SET id_number_hash = $2, updated_at = $3 WHERE user_id = $1',
);

export const setIdNumber = defineQuery<[userId: string, hash: string, masked: string, now: Date]>(
  'trainees.profiles.setIdNumber',
  'UPDATE trainee_profiles SET id_number_hash = $2, id_number_masked = $3, updated_at = $4 WHERE user_id = $1',
);

/** Other newcomers with the same number now collide with the confirmed person. */
export const moveCollisionsToHolder = defineQuery<[oldHolder: string, newHolder: string, hash: string, exceptId: string]>(
  'trainees.collisions.moveToHolder',
  'UPDATE id_number_collisions SET existing_user_id = $2 WHERE id_number_hash = $3 AND existing_user_id = $1 AND resolved_at IS NULL AND id <> $4',
);

export const resolveCollision = defineQuery<[id: string, now: Date, decision: string, by: string]>(
  'trainees.collisions.resolve',
  'UPDATE id_number_collisions SET resolved_at = $2, decision = $3, resolved_by = $4 WHERE id = $1',
);

export const resolveCollisionsCorrected = defineQuery<[userId: string, now: Date, by: string]>(
  'trainees.collisions.resolveCorrected',
  "UPDATE id_number_collisions SET resolved_at = $2, decision = 'corrected', resolved_by = $3 WHERE user_id = $1 AND resolved_at IS NULL",
);
