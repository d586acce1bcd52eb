import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, runQuery } from '@cqo/core';
import { declarationsOfTrainee } from '../sql/flags-facts.sql';
import { EligibilityService, TraineeIdentifier } from '../eligibility/eligibility.service';
import { CqoDeclarationEntity, DECLARATION_ITEM_LABELS, DECLARATION_ITEMS, DeclarationItem } from '../entities/cqo-declaration.entity';

export interface DeclarationInput {
  trainee: TraineeIdentifier;
  /** YYYY-MM-DD: the date the candidate signed the declaration. */
  declaredOn: string;
  answers: Record<DeclarationItem, boolean>;
  note?: string | null;
}

export interface DeclarationItemView {
  item: DeclarationItem;
  label: string;
  applies: boolean;
}

export interface DeclarationView {
  id: string;
  traineeId: string;
  enterpriseId: string;
  enterpriseName: string;
  declaredOn: string;
  items: DeclarationItemView[];
  anyDisqualifying: boolean;
  note: string | null;
  createdAt: Date;
}

/**
 * The enterprise records the candidate's declaration on the disqualifying circumstances. The
 * product keeps it and shows it to regulators on the status page; it does not judge it.
 */
@Injectable()
export class DeclarationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, input: DeclarationInput): Promise<DeclarationView> {
    const candidate = await this.eligibility.resolveCandidate(actor, input.trainee);
    const answers = Object.fromEntries(DECLARATION_ITEMS.map((i) => [i, input.answers[i] === true])) as Record<DeclarationItem, boolean>;
    const saved = await this.dataSource.getRepository(CqoDeclarationEntity).save({
      traineeId: candidate.traineeId,
      enterpriseId: actor.enterpriseId!,
      declaredOn: input.declaredOn,
      answers,
      anyDisqualifying: Object.values(answers).some(Boolean),
      note: input.note?.trim() || null,
      recordedBy: actor.userId,
      createdAt: this.clock.now(),
    });
    return (await this.ofTrainee(candidate.traineeId)).find((d) => d.id === saved.id)!;
  }

  /** A trainee's declarations, newest first. No scope check: callers check the trainee. */
  async ofTrainee(traineeId: string): Promise<DeclarationView[]> {
    const rows = await runQuery(this.dataSource, declarationsOfTrainee, [traineeId]);
    return rows.map((r) => ({
      id: r.id,
      traineeId: r.trainee_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      declaredOn: r.declared_on,
      items: DECLARATION_ITEMS.map((item) => ({ item, label: DECLARATION_ITEM_LABELS[item], applies: r.answers[item] === true })),
      anyDisqualifying: r.any_disqualifying,
      note: r.note,
      createdAt: r.created_at,
    }));
  }
}
