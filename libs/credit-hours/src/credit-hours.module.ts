import { CreditAccrualKeyEntity } from './credit-accrual-key.entity';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '@cqo/courses';
import { TraineesModule } from '@cqo/trainees';
import { NotificationsModule } from '@cqo/notifications';
import { AccrualService } from './accrual.service';
import { AdjustmentsService } from './adjustments.service';
import { ComplianceEngine } from './compliance.engine';
import { ComplianceQueries } from './compliance.queries';
import { ComplianceRemindersService } from './compliance-reminders.service';
import { ComplianceFlagHistoryEntity } from './compliance-flag-history.entity';
import { ComplianceStatusEntity } from './compliance-status.entity';
import { ComplianceVerdictChangeEntity } from './compliance-verdict-change.entity';
import { CreditAuditLogEntity } from './credit-audit-log.entity';
import { CreditEntryEntity } from './credit-entry.entity';
import { CreditEntriesIdentityReference } from './credit-entries.identity-reference';
import { CreditHoursQueries } from './credit-hours.queries';
import { HoursOutlookService } from './hours-outlook.service';
import { LedgerCursorEntity } from './ledger-cursor.entity';
import { LedgerService } from './ledger.service';
import { RequirementRuleSetEntity } from './requirement-rule-set.entity';
import { RequirementRuleEntity } from './requirement-rule.entity';
import { RuleSetsService } from './rule-sets.service';
import { RequirementEvaluator } from './requirement-evaluator';
import { VerdictChangesService } from './verdict-changes.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const CREDIT_HOURS_ENTITIES = [
  CreditEntryEntity,
  RequirementRuleSetEntity,
  RequirementRuleEntity,
  ComplianceStatusEntity,
  ComplianceFlagHistoryEntity,
  CreditAuditLogEntity,
  LedgerCursorEntity,
  ComplianceVerdictChangeEntity,
  CreditAccrualKeyEntity,
];

const SERVICES = [
  LedgerService,
  AccrualService,
  RuleSetsService,
  ComplianceEngine,
  ComplianceRemindersService,
  AdjustmentsService,
  CreditHoursQueries,
  ComplianceQueries,
  RequirementEvaluator,
  VerdictChangesService,
  HoursOutlookService,
];

@Module({
  imports: [TypeOrmModule.forFeature(CREDIT_HOURS_ENTITIES), NotificationsModule, CoursesModule, TraineesModule],
  providers: [...SERVICES, CreditEntriesIdentityReference],
  exports: SERVICES,
})
export class CreditHoursModule {}
