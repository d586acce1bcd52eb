/**
 * The CQO registry (notice, sections 3 and 4): appointments with the eligibility check and
 * terms, declarations, regulator flags and the verified trainee facts eligibility rests on.
 * Its migration defines `serving_cqo_terms` over `cqo_appointments`, the seam through which the
 * credit-hours engine applies the yearly requirements to serving CQOs. What regulators read
 * across it (dashboards, targets, lookups, yearly reports, exports) is in libs/reporting.
 */
export * from './entities/eligibility-rule-set.entity';
export * from './entities/cqo-appointment.entity';
export * from './entities/cqo-declaration.entity';
export * from './entities/cqo-flag.entity';
export * from './entities/backdate-approval.entity';
export * from './entities/trainee-fact.entity';
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
export * from './registry.module';
export * from './sql/registry-public.sql';
