/**
 * Credit hours (学时) and compliance: the append-only ledger, the accrual of completions, the
 * requirement rule sets, the compliance engine, shortfall flags and reminders, manual
 * adjustments and the reads. For other libs (certificates): {@link CreditHoursQueries}
 * (`accruedHours`, `appointmentHoursTotal`) and the `credit.accrued` outbox event.
 */
export * from './credit-entry.entity';
export * from './credit-accrual-key.entity';
export * from './requirement-rule-set.entity';
export * from './requirement-rule.entity';
export * from './compliance-status.entity';
export * from './compliance-flag-history.entity';
export * from './credit-audit-log.entity';
export * from './ledger-cursor.entity';
export * from './compliance-verdict-change.entity';
export * from './credit-hours.errors';
export * from './compliance-period';
export * from './rule-set.validation';
export * from './serving-cqo';
export * from './ledger.service';
export * from './accrual.service';
export * from './rule-sets.service';
export * from './compliance.engine';
export * from './compliance-reminders.service';
export * from './adjustments.service';
export * from './credit-hours.queries';
export * from './compliance.queries';
export * from './requirement-evaluator';
export * from './verdict-changes.service';
export * from './credit-hours.module';
export * from './hours-outlook.service';
export * from './credit-scope';
export * from './sql/compliance-public.sql';
