import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityReferences } from '@cqo/trainees';
import { CreditEntryEntity } from './credit-entry.entity';

/** Hours on the ledger refer to the person: their ID number is then locked (issue 13). */
@Injectable()
export class CreditEntriesIdentityReference implements OnModuleInit {
  constructor(private readonly references: IdentityReferences) {}

  onModuleInit(): void {
    this.references.register({
      name: 'credit entries',
      references: (traineeId, manager) => manager.existsBy(CreditEntryEntity, { traineeId }),
    });
  }
}
