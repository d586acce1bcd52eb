import { Foundation1795572187043 } from './1795572187043-Foundation';
import { SeedGansuRegions1795572200000 } from './1795572200000-SeedGansuRegions';
import { CoursesEnrollmentProgress1795580000000 } from './1795580000000-CoursesEnrollmentProgress';
import { SeedTrainingTopics1795580100000 } from './1795580100000-SeedTrainingTopics';
import { Exams1795590000000 } from './1795590000000-Exams';
import { CreditHoursLedger1795600000000 } from './1795600000000-CreditHoursLedger';
import { SeedGansuRequirementRules1795600100000 } from './1795600100000-SeedGansuRequirementRules';
import { Certificates1795610000000 } from './1795610000000-Certificates';
import { Registry1795620000000 } from './1795620000000-Registry';
import { RegistryStats1795620100000 } from './1795620100000-RegistryStats';
import { DropRegistryCsvCell1795620200000 } from './1795620200000-DropRegistryCsvCell';
import { HoursOccurrenceAndVerdicts1795630000000 } from './1795630000000-HoursOccurrenceAndVerdicts';
import { AccountsSessionsAudit1795631300000 } from './1795631300000-AccountsSessionsAudit';
import { RegulatorFigures1795640000000 } from './1795640000000-RegulatorFigures';
import { DropEligibilityAppointmentHours1795650000000 } from './1795650000000-DropEligibilityAppointmentHours';
import { RegistryFiguresEpoch1795650100000 } from './1795650100000-RegistryFiguresEpoch';
import { IdNumberCollisionDecisions1795651000000 } from './1795651000000-IdNumberCollisionDecisions';
import { TotpLastStep1795651100000 } from './1795651100000-TotpLastStep';
import { ExternalHourClaims1795654000000 } from './1795654000000-ExternalHourClaims';
import { HoursTranscripts1795654100000 } from './1795654100000-HoursTranscripts';
import { MailNotifications1795660000000 } from './1795660000000-MailNotifications';
import { PartitionLedgerByYear1795662000000 } from './1795662000000-PartitionLedgerByYear';
import { ComplianceReferencesSetBased1795662100000 } from './1795662100000-ComplianceReferencesSetBased';
import { HotUpdateFillfactor1795663000000 } from './1795663000000-HotUpdateFillfactor';
import { EnterpriseListIndex1795663100000 } from './1795663100000-EnterpriseListIndex';

import { StudyContent1795630500000 } from './1795630500000-StudyContent';
import { XapiLrs1795665000000 } from './1795665000000-XapiLrs';
import { Cmi5Launch1795665100000 } from './1795665100000-Cmi5Launch';
import { MailLogRetention1795669000000 } from './1795669000000-MailLogRetention';
import { ScormPackages1795670000000 } from './1795670000000-ScormPackages';
import { XapiWindowIndex1795671000000 } from './1795671000000-XapiWindowIndex';
import { ExamAttemptAnswerSaves1795672000000 } from './1795672000000-ExamAttemptAnswerSaves';
import { ExamItemReferencesSetBased1795673720000 } from './1795673720000-ExamItemReferencesSetBased';
import { ClaimEvidenceFileColumns1795674000000 } from './1795674000000-ClaimEvidenceFileColumns';
import { XapiWindows1795674500000 } from './1795674500000-XapiWindows';
import { LedgerAppointmentTotalsIndex1795675000000 } from './1795675000000-LedgerAppointmentTotalsIndex';
import { ComplianceFlagsOnStatuses1795676000000 } from './1795676000000-ComplianceFlagsOnStatuses';
import { TraineeSubjectsIndex1795676100000 } from './1795676100000-TraineeSubjectsIndex';
import { PublicEnterprisesTraineesViews1795676200000 } from './1795676200000-PublicEnterprisesTraineesViews';
import { AttemptGradesOnAttempt1795676300000 } from './1795676300000-AttemptGradesOnAttempt';
/** Every migration, in order. A committed migration is never edited: add a new one. */
export const ALL_MIGRATIONS = [
  Foundation1795572187043,
  SeedGansuRegions1795572200000,
  CoursesEnrollmentProgress1795580000000,
  SeedTrainingTopics1795580100000,
  Exams1795590000000,
  CreditHoursLedger1795600000000,
  SeedGansuRequirementRules1795600100000,
  Certificates1795610000000,
  Registry1795620000000,
  RegistryStats1795620100000,
  DropRegistryCsvCell1795620200000,
  HoursOccurrenceAndVerdicts1795630000000,
  StudyContent1795630500000,
  AccountsSessionsAudit1795631300000,
  RegulatorFigures1795640000000,
  DropEligibilityAppointmentHours1795650000000,
  RegistryFiguresEpoch1795650100000,
  IdNumberCollisionDecisions1795651000000,
  TotpLastStep1795651100000,
  ExternalHourClaims1795654000000,
  HoursTranscripts1795654100000,
  MailNotifications1795660000000,
  PartitionLedgerByYear1795662000000,
  ComplianceReferencesSetBased1795662100000,
  HotUpdateFillfactor1795663000000,
  EnterpriseListIndex1795663100000,
  XapiLrs1795665000000,
  Cmi5Launch1795665100000,
  MailLogRetention1795669000000,
  ScormPackages1795670000000,
  XapiWindowIndex1795671000000,
  ExamAttemptAnswerSaves1795672000000,
  ExamItemReferencesSetBased1795673720000,
  ClaimEvidenceFileColumns1795674000000,
  XapiWindows1795674500000,
  LedgerAppointmentTotalsIndex1795675000000,
  ComplianceFlagsOnStatuses1795676000000,
  TraineeSubjectsIndex1795676100000,
  PublicEnterprisesTraineesViews1795676200000,
  AttemptGradesOnAttempt1795676300000,
];
