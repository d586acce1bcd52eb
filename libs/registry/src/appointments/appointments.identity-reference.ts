import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityReferences } from '@cqo/trainees';
import { CqoAppointmentEntity } from '../entities/cqo-appointment.entity';

/** A CQO appointment names the person: their ID number is then locked (issue 13). */
@Injectable()
export class AppointmentsIdentityReference implements OnModuleInit {
  constructor(private readonly references: IdentityReferences) {}

  onModuleInit(): void {
    this.references.register({
      name: 'appointments',
      references: (traineeId, manager) => manager.existsBy(CqoAppointmentEntity, { traineeId }),
    });
  }
}
