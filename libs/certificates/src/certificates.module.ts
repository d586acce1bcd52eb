import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditHoursModule } from '@cqo/credit-hours';
import { NotificationsModule } from '@cqo/notifications';
import { TraineesModule } from '@cqo/trainees';
import { CertificateAdministrationService } from './administration/certificate-administration.service';
import { CertificateEntity, CertificateEventEntity } from './certificate.entity';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesIdentityReference } from './certificates.identity-reference';
import { CertificateDownloadsService } from './downloads/certificate-downloads.service';
import { CertificateExportService } from './export/certificate-export.service';
import { CertificateIssuer } from './issuance/certificate-issuer';
import { CourseFactsSource } from './issuance/course-facts.source';
import { CertificateRenderPool } from './rendering/certificate-render-pool';
import { CertificateRenderer } from './rendering/certificate-renderer';
import { CertificateRequestsService } from './requests/certificate-requests.service';
import { CertificateSigner } from './signing/certificate-signer';
import { CertificateFilesService } from './storage/certificate-files.service';
import { CertificateRequirementsQuery } from './triggers/certificate-requirements.query';
import { CertificateStandingService } from './triggers/certificate-standing.service';
import { CertificateTriggersService } from './triggers/certificate-triggers.service';
import { CertificateVerificationService } from './verification/certificate-verification.service';
import { HoursTranscriptEntity } from './transcripts/hours-transcript.entity';
import { HoursTranscriptRenderer } from './transcripts/hours-transcript-renderer';
import { HoursTranscriptsService } from './transcripts/hours-transcripts.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const CERTIFICATE_ENTITIES = [CertificateEntity, CertificateEventEntity, HoursTranscriptEntity];

const SERVICES = [
  CertificateIssuer,
  CertificateAdministrationService,
  CertificateVerificationService,
  CertificateDownloadsService,
  CertificateExportService,
  CertificateTriggersService,
  CertificateStandingService,
  CertificateRequestsService,
  CertificateRenderer,
  CertificateRenderPool,
  CertificateSigner,
  CertificateFilesService,
  CertificatesRepository,
  HoursTranscriptRenderer,
  HoursTranscriptsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATE_ENTITIES), NotificationsModule, CreditHoursModule, TraineesModule],
  providers: [...SERVICES, CertificatesIdentityReference, CourseFactsSource, CertificateRequirementsQuery],
  exports: [...SERVICES],
})
export class CertificatesModule {}
