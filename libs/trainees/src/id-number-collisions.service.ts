import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, CommonErrors, Role } from '@cqo/core';
import { AuditLogService, UsersService } from '@cqo/identity';
import { CollisionDecision } from './id-number-collision.entity';
import { IdentityReferences } from './identity-references/identity-references';
import { TraineeErrors } from './trainees.errors';

export interface CollisionPartyView {
  userId: string;
  fullName: string;
  enterpriseName: string | null;
}

/** A registration that named an ID number another account holds, as staff see it: masked only. */
export interface IdNumberCollisionView {
  id: string;
  createdAt: Date;
  idNumberMasked: string;
  /** Who registered second, and the employer they named. */
  claimant: CollisionPartyView;
  /** Who holds the number; `hasRecords` when hours, appointments or certificates refer to them. */
  holder: CollisionPartyView & { hasRecords: boolean };
}

export type CollisionResolution = Exclude<CollisionDecision, 'corrected'>;

interface CollisionRow {
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
    LEFT JOIN enterprises ce ON ce.id = c.enterprise_id
    LEFT JOIN regions cr ON cr.id = ce.region_id
    LEFT JOIN enterprises he ON he.id = hp.enterprise_id
    LEFT JOIN regions hr ON hr.id = he.region_id`;

/**
 * Registration never says whether an ID number is taken; the collision waits here for the people
 * who can check identity papers: the admin of either person's enterprise, a regulator of either
 * enterprise's region, or a platform admin. A collision with no enterprise at all reaches platform
 * admins only. Outside the scope a collision does not exist (404).
 */
@Injectable()
export class IdNumberCollisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly references: IdentityReferences,
    private readonly audit: AuditLogService,
    private readonly clock: Clock,
  ) {}

  /** The caller's scope as SQL over the query above, with its parameters starting at `$first`. */
  private scopeOf(actor: Actor, first: number): { sql: string; params: unknown[] } {
    switch (actor.role) {
      case Role.PlatformAdmin:
        return { sql: 'TRUE', params: [] };
      case Role.EnterpriseAdmin:
        if (!actor.enterpriseId) throw CommonErrors.outOfScope();
        return { sql: `(c.enterprise_id = $${first} OR hp.enterprise_id = $${first})`, params: [actor.enterpriseId] };
      case Role.Regulator: {
        if (!actor.regionPath) throw CommonErrors.outOfScope();
        const inRegion = (alias: string) => `(${alias}.path = $${first} OR ${alias}.path LIKE $${first + 1})`;
        return { sql: `(${inRegion('cr')} OR ${inRegion('hr')})`, params: [actor.regionPath, `${actor.regionPath}/%`] };
      }
      default:
        throw CommonErrors.outOfScope();
    }
  }

  /** Pending collisions in the caller's scope, oldest first. */
  async listPending(actor: Actor): Promise<IdNumberCollisionView[]> {
    const scope = this.scopeOf(actor, 1);
    const rows: CollisionRow[] = await this.dataSource.query(
      `${COLLISIONS} WHERE c.resolved_at IS NULL AND ${scope.sql} ORDER BY c.created_at, c.id LIMIT 200`,
      scope.params,
    );
    const views: IdNumberCollisionView[] = [];
    for (const row of rows) views.push(await this.view(row, this.dataSource.manager));
    return views;
  }

  /**
   * Decides a collision, in one transaction:
   * - `claimant_confirmed`: the newcomer is the person. They get the ID number; the earlier account
   *   loses it and is disabled (its sessions end at once). Refused while hours, appointments or
   *   certificates refer to the earlier account: those records are that person's until checked.
   * - `claim_rejected`: the newcomer is not the person; their profile keeps no usable ID number
   *   (their enterprise admin may correct it).
   */
  async resolve(actor: Actor, id: string, decision: CollisionResolution): Promise<IdNumberCollisionView> {
    const scope = this.scopeOf(actor, 2);
    let disabled: string | null = null;
    const view = await this.dataSource.transaction(async (manager) => {
      const [row]: CollisionRow[] = await manager.query(`${COLLISIONS} WHERE c.id = $1 AND ${scope.sql} FOR UPDATE OF c, cp, hp`, [
        id,
        ...scope.params,
      ]);
      if (!row) throw TraineeErrors.collisionNotFound();
      if (row.resolved_at) throw TraineeErrors.collisionResolved();
      // The newcomer changed their number since: nothing left to decide here.
      if (row.claimant_hash !== `collision:${row.user_id}`) throw TraineeErrors.collisionResolved();
      const now = this.clock.now();
      if (decision === 'claimant_confirmed') {
        if (await this.references.anyReferences(row.existing_user_id, manager)) throw TraineeErrors.collisionHolderHasRecords();
        await manager.query('UPDATE trainee_profiles SET id_number_hash = $2, updated_at = $3 WHERE user_id = $1', [
          row.existing_user_id,
          `collision:${row.existing_user_id}`,
          now,
        ]);
        await manager.query('UPDATE trainee_profiles SET id_number_hash = $2, id_number_masked = $3, updated_at = $4 WHERE user_id = $1', [
          row.user_id,
          row.id_number_hash,
          row.id_number_masked,
          now,
        ]);
        // Other newcomers with the same number now collide with the confirmed person.
        await manager.query(
          'UPDATE id_number_collisions SET existing_user_id = $2 WHERE id_number_hash = $3 AND existing_user_id = $1 AND resolved_at IS NULL AND id <> $4',
          [row.existing_user_id, row.user_id, row.id_number_hash, row.id],
        );
        await this.users.disableWithin(manager, actor, row.existing_user_id, 'id_number_collision');
        disabled = row.existing_user_id;
      }
      await manager.query('UPDATE id_number_collisions SET resolved_at = $2, decision = $3, resolved_by = $4 WHERE id = $1', [
        row.id,
        now,
        decision,
        actor.userId,
      ]);
      await this.audit.record(
        {
          action: 'trainee.id_collision_resolved',
          actorId: actor.userId,
          subjectId: row.user_id,
          details: { collisionId: row.id, decision, holderId: row.existing_user_id, idNumberMasked: row.id_number_masked },
        },
        manager,
      );
      return this.view(row, manager);
    });
    if (disabled) await this.users.announceSessionsEnded(disabled);
    return view;
  }

  private async view(row: CollisionRow, manager: EntityManager): Promise<IdNumberCollisionView> {
    return {
      id: row.id,
      createdAt: row.created_at,
      idNumberMasked: row.id_number_masked,
      claimant: { userId: row.user_id, fullName: row.claimant_name, enterpriseName: row.claimed_enterprise_name },
      holder: {
        userId: row.existing_user_id,
        fullName: row.holder_name,
        enterpriseName: row.holder_enterprise_name,
        hasRecords: await this.references.anyReferences(row.existing_user_id, manager),
      },
    };
  }
}
