import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityReferences } from '@cqo/trainees';
import { CertificateEntity } from './certificate.entity';

/** An issued certificate names the person: their ID number is then locked (issue 13). */
@Injectable()
export class CertificatesIdentityReference implements OnModuleInit {
  constructor(private readonly references: IdentityReferences) {}

  onModuleInit(): void {
    this.references.register({
      name: 'certificates',
      references: (traineeId, manager) => manager.existsBy(CertificateEntity, { traineeId }),
    });
  }
}
