import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '@cqo/certificates';
import { CreditHoursModule } from '@cqo/credit-hours';
import { IdentityModule } from '@cqo/identity';
import { NotificationsModule } from '@cqo/notifications';
import { TraineesModule } from '@cqo/trainees';
import { AppointmentPrecheck } from './appointments/appointment-precheck.service';
import { AppointmentsIdentityReference } from './appointments/appointments.identity-reference';
import { AppointmentsService } from './appointments/appointments.service';
import { TermRemindersService } from './appointments/term-reminders.service';
import { DeclarationsService } from './declarations/declarations.service';
import { EligibilityRulesRepository } from './eligibility/eligibility-rules.repository';
import { EligibilityService } from './eligibility/eligibility.service';
import { BackdateApprovalEntity } from './entities/backdate-approval.entity';
import { CqoAppointmentEntity } from './entities/cqo-appointment.entity';
import { TraineeFactEntity } from './entities/trainee-fact.entity';
import { CqoDeclarationEntity } from './entities/cqo-declaration.entity';
import { CqoFlagEntity } from './entities/cqo-flag.entity';
import { EligibilityRuleSetEntity } from './entities/eligibility-rule-set.entity';
import { CqoFlagsService } from './flags/cqo-flags.service';
import { TraineeFactsService } from './facts/trainee-facts.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const REGISTRY_ENTITIES = [
  EligibilityRuleSetEntity,
  CqoAppointmentEntity,
  CqoDeclarationEntity,
  CqoFlagEntity,
  BackdateApprovalEntity,
  TraineeFactEntity,
];

const SERVICES = [
  TraineeFactsService,
  EligibilityRulesRepository,
  EligibilityService,
  AppointmentsService,
  AppointmentPrecheck,
  TermRemindersService,
  DeclarationsService,
  CqoFlagsService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(REGISTRY_ENTITIES),
    IdentityModule,
    TraineesModule,
    NotificationsModule,
    CreditHoursModule,
    CertificatesModule,
  ],
  providers: [...SERVICES, AppointmentsIdentityReference],
  exports: SERVICES,
})
export class RegistryModule {}
