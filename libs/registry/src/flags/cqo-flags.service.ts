import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, chinaDateOf, Clock, CommonErrors, Role, runQuery } from '@cqo/core';
import { DeclarationItem } from '../entities/cqo-declaration.entity';
import { CqoFlagEntity } from '../entities/cqo-flag.entity';
import { RegistryErrors } from '../registry.errors';
import { canSeeTrainee, traineeRegistryScope } from '../registry-scope';
import { clearFlag, flagById, FlagRow, flagsOfTrainee } from '../sql/flags-facts.sql';

export interface FlagView {
  id: string;
  traineeId: string;
  reason: string;
  /** One of the notice's 不得担任 circumstances (DECLARATION_ITEMS), when the flag is of a disqualifying kind. */
  disqualifyingCircumstance: string | null;
  flaggedOn: string;
  flaggedBy: string | null;
  flaggedByName: string | null;
  open: boolean;
  clearedAt: Date | null;
  clearedBy: string | null;
  clearReason: string | null;
  createdAt: Date;
}

/** A regulator's flags on a CQO: raised with a reason and a date, cleared with a reason; history kept. */
@Injectable()
export class CqoFlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A flag naming a disqualifying circumstance blocks appointments while open and stops the CQO counting toward targets. */
  async raise(
    actor: Actor,
    traineeId: string,
    input: { reason: string; flaggedOn?: string; disqualifyingCircumstance?: DeclarationItem | null },
  ): Promise<FlagView> {
    await this.requireRegulatorScope(actor, traineeId);
    const now = this.clock.now();
    const saved = await this.dataSource.getRepository(CqoFlagEntity).save({
      traineeId,
      reason: input.reason.trim(),
      disqualifyingCircumstance: input.disqualifyingCircumstance ?? null,
      flaggedOn: input.flaggedOn ?? chinaDateOf(now),
      flaggedBy: actor.userId,
      createdAt: now,
      clearedAt: null,
      clearedBy: null,
      clearReason: null,
    });
    return this.view(saved.id);
  }

  async clear(actor: Actor, flagId: string, reason: string): Promise<FlagView> {
    const flag = await this.dataSource.getRepository(CqoFlagEntity).findOneBy({ id: flagId });
    if (!flag) throw RegistryErrors.flagNotFound();
    await this.requireRegulatorScope(actor, flag.traineeId);
    const result = await runQuery(this.dataSource, clearFlag, [flagId, this.clock.now(), actor.userId, reason.trim()]);
    if (result.length === 0) throw RegistryErrors.flagAlreadyCleared();
    return this.view(flagId);
  }

  /** A trainee's flags, newest first. No scope check: callers check the trainee. */
  async ofTrainee(traineeId: string): Promise<FlagView[]> {
    const rows = await runQuery(this.dataSource, flagsOfTrainee, [traineeId]);
    return rows.map(toView);
  }

  private async view(id: string): Promise<FlagView> {
    const rows = await runQuery(this.dataSource, flagById, [id]);
    return toView(rows[0]);
  }

  private async requireRegulatorScope(actor: Actor, traineeId: string): Promise<void> {
    if (actor.role !== Role.Regulator && actor.role !== Role.PlatformAdmin) throw CommonErrors.outOfScope();
    const scope = await traineeRegistryScope(this.dataSource, traineeId);
    if (!scope) throw RegistryErrors.cqoNotFound();
    if (!canSeeTrainee(actor, scope)) throw CommonErrors.outOfScope();
  }
}

function toView(r: FlagRow): FlagView {
  return {
    id: r.id,
    traineeId: r.trainee_id,
    reason: r.reason,
    disqualifyingCircumstance: r.disqualifying_circumstance,
    flaggedOn: r.flagged_on_text,
    flaggedBy: r.flagged_by,
    flaggedByName: r.flagged_by_name,
    open: r.cleared_at === null,
    clearedAt: r.cleared_at,
    clearedBy: r.cleared_by,
    clearReason: r.clear_reason,
    createdAt: r.created_at,
  };
}
