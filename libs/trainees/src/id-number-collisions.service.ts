import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, CommonErrors, Role, runCommand, runTemplate } from '@cqo/core';
import { AuditLogService, UsersService } from '@cqo/identity';
import { CollisionDecision } from './id-number-collision.entity';
import { IdentityReferences } from './identity-references/identity-references';
import {
  collisionScope,
  CollisionRow,
  lockCollision,
  moveCollisionsToHolder,
  pendingCollisions,
  resolveCollision,
  setIdNumber,
  setIdNumberHash,
} from './sql/id-number-collisions.sql';
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

/**
 * Registration never says whether an ID number is taken; the collision waits here for the people
 * who can check identity papers: the admin of either person's enterprise, a regulator of either
 * enterprise's region, or a platform admin. A collision with no enterprise at all reaches platform
 * admins only. Outside the scope a collision does not exist (404).
 */
@Injectable()
export class IdNumberCollisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly references: IdentityReferences,
    private readonly audit: AuditLogService,
    private readonly clock: Clock,
  ) {}

  /** The caller's scope as SQL over the collisions' query, its parameter being `$first`. */
  private scopeOf(actor: Actor, first: number): { sql: string; params: unknown[] } {
    switch (actor.role) {
      case Role.PlatformAdmin:
        return { sql: collisionScope.all(), params: [] };
      case Role.EnterpriseAdmin:
        if (!actor.enterpriseId) throw CommonErrors.outOfScope();
        return { sql: collisionScope.enterprise(first), params: [actor.enterpriseId] };
      case Role.Regulator:
        if (!actor.regionPath) throw CommonErrors.outOfScope();
        return { sql: collisionScope.region(first), params: [actor.regionPath] };
      default:
        throw CommonErrors.outOfScope();
    }
  }

  /** Pending collisions in the caller's scope, oldest first. */
  async listPending(actor: Actor): Promise<IdNumberCollisionView[]> {
    const scope = this.scopeOf(actor, 1);
    const rows = await runTemplate(this.dataSource, pendingCollisions, { scope: scope.sql }, scope.params);
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
      const [row] = await runTemplate(manager, lockCollision, { scope: scope.sql }, [id, ...scope.params]);
      if (!row) throw TraineeErrors.collisionNotFound();
      if (row.resolved_at) throw TraineeErrors.collisionResolved();
      // The newcomer changed their number since: nothing left to decide here.
      if (row.claimant_hash !== `collision:${row.user_id}`) throw TraineeErrors.collisionResolved();
      const now = this.clock.now();
      if (decision === 'claimant_confirmed') {
        if (await this.references.anyReferences(row.existing_user_id, manager)) throw TraineeErrors.collisionHolderHasRecords();
        await runCommand(manager, setIdNumberHash, [row.existing_user_id, `collision:${row.existing_user_id}`, now]);
        await runCommand(manager, setIdNumber, [row.user_id, row.id_number_hash, row.id_number_masked, now]);
        // Other newcomers with the same number now collide with the confirmed person.
        await runCommand(manager, moveCollisionsToHolder, [row.existing_user_id, row.user_id, row.id_number_hash, row.id]);
        await this.users.disableWithin(manager, actor, row.existing_user_id, 'id_number_collision');
        disabled = row.existing_user_id;
      }
      await runCommand(manager, resolveCollision, [row.id, now, decision, actor.userId]);
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
