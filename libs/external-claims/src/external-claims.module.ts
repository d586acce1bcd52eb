import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditHoursModule } from '@cqo/credit-hours';
import { IdentityModule } from '@cqo/identity';
import { NotificationsModule } from '@cqo/notifications';
import { ExternalClaimEntity, ExternalClaimEvidenceEntity } from './external-claim.entity';
import { ExternalClaimRuleEntity } from './external-claim-rule.entity';
import { ExternalClaimRules } from './external-claim-rules';
import { ExternalClaimsService } from './external-claims.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const EXTERNAL_CLAIM_ENTITIES = [ExternalClaimEntity, ExternalClaimEvidenceEntity, ExternalClaimRuleEntity];

@Module({
  imports: [TypeOrmModule.forFeature(EXTERNAL_CLAIM_ENTITIES), CreditHoursModule, IdentityModule, NotificationsModule],
  providers: [ExternalClaimRules, ExternalClaimsService],
  exports: [ExternalClaimRules, ExternalClaimsService],
})
export class ExternalClaimsModule {}
