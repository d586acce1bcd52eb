/**
 * Hours earned elsewhere (外部学时认定): trainees' claims with evidence, the employer's
 * endorsement, the city's approval into the credit-hours ledger, and the yearly limits (rule data).
 */
export * from './external-claim.entity';
export * from './external-claim-rule.entity';
export * from './external-claim-input';
export * from './external-claim-rules';
export * from './external-claims.errors';
export * from './external-claims.service';
export * from './external-claims.module';
