import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@cqo/core';
import { EligibilityAnswer, EligibilityService, TraineeIdentifier } from '../eligibility/eligibility.service';
import {
  AppointmentObstacle,
  collectObstacles,
  refuseFlaggedDisqualified,
  refuseServingConflicts,
  refuseShortfallInLastTerm,
} from './appointment-checks';

export interface AppointmentPrecheckAnswer extends EligibilityAnswer {
  /** What would refuse the appointment whatever the form says (serving conflicts, flags, the last term's shortfall); empty when none. */
  obstacles: AppointmentObstacle[];
}

/**
 * The answer an enterprise admin gets as soon as a candidate is named: the eligibility conditions
 * and every refusal the appointment would meet regardless of the form (the same checks
 * `AppointmentsService.appoint` runs), so nobody fills in a whole form to learn the person already serves.
 */
@Injectable()
export class AppointmentPrecheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
  ) {}

  async check(actor: Actor, who: TraineeIdentifier): Promise<AppointmentPrecheckAnswer> {
    const answer = await this.eligibility.check(actor, who);
    const traineeId = answer.candidate.traineeId;
    const manager = this.dataSource.manager;
    const obstacles = await collectObstacles([
      () => refuseServingConflicts(manager, traineeId, actor.enterpriseId!),
      () => refuseFlaggedDisqualified(manager, traineeId),
      () => refuseShortfallInLastTerm(manager, traineeId),
    ]);
    return { ...answer, obstacles };
  }
}
