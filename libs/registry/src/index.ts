/**
 * The CQO registry (notice, sections 3 and 4): appointments with the eligibility check,
 * declarations and regulator flags, the regulators' status lookup with its access log, regional
 * dashboards, yearly reports (the enterprise's to its city, the city's to the province) and
 * streamed exports. Its migration defines `serving_cqo_terms` over `cqo_appointments`, the seam
 * through which the credit-hours engine applies the yearly requirements to serving CQOs.
 */
export * from './entities/eligibility-rule-set.entity';
export * from './entities/cqo-appointment.entity';
export * from './entities/cqo-declaration.entity';
export * from './entities/cqo-flag.entity';
export * from './entities/registry-access-log.entity';
export * from './entities/yearly-report.entity';
export * from './entities/appointment-target.entity';
export * from './entities/backdate-approval.entity';
export * from './entities/registry-report-rules.entity';
export * from './entities/city-report-version.entity';
export * from './entities/trainee-fact.entity';
export * from './targets/target-criteria';
export * from './facts/trainee-facts.service';
export * from './appointments/appointment-checks';
export * from './registry.errors';
export * from './registry-scope';
export * from './eligibility/eligibility.types';
export * from './eligibility/eligibility-rules';
export * from './eligibility/eligibility-rules.repository';
export * from './eligibility/eligibility.service';
export * from './appointments/term';
export * from './appointments/appointments.service';
export * from './appointments/appointment-precheck.service';
export * from './appointments/term-reminders.service';
export * from './declarations/declarations.service';
export * from './flags/cqo-flags.service';
export * from './lookup/access-log.service';
export * from './lookup/cqo-status.service';
export * from './targets/target-figures.service';
export * from './dashboards/registry-lists';
export * from './dashboards/dashboards.service';
export * from './exports/copy-stream';
export * from './exports/xlsx-stream';
export * from './exports/registry-exports.service';
export * from './reports/enterprise-reports.service';
export * from './reports/city-report.renderer';
export * from './reports/city-reports.service';
export * from './registry.module';
