import { CERTIFICATE_ENTITIES } from '@cqo/certificates';
import { OutboxEventEntity } from '@cqo/core';
import { COURSE_ENTITIES } from '@cqo/courses';
import { CREDIT_HOURS_ENTITIES } from '@cqo/credit-hours';
import { EXAM_ENTITIES } from '@cqo/exams';
import { EXTERNAL_CLAIM_ENTITIES } from '@cqo/external-claims';
import { AccountTokenEntity, AuditLogEntity, RefreshTokenEntity, UserEntity } from '@cqo/identity';
import { MailDeadLetterEntity, MailMessageEntity, NotificationEntity, NotificationPreferenceEntity } from '@cqo/notifications';
import { ORGANIZATION_ENTITIES } from '@cqo/organizations';
import { REGISTRY_ENTITIES } from '@cqo/registry';
import { REPORTING_ENTITIES } from '@cqo/reporting';
import { IdNumberCollisionEntity, TraineeProfileEntity } from '@cqo/trainees';

/**
 * Every entity of the product. The migrations CLI and the drift test load exactly this list;
 * the apps register theirs per module (autoLoadEntities), and a test checks the two agree.
 */
export const ALL_ENTITIES = [
  OutboxEventEntity,
  ...ORGANIZATION_ENTITIES,
  UserEntity,
  RefreshTokenEntity,
  TraineeProfileEntity,
  IdNumberCollisionEntity,
  AuditLogEntity,
  NotificationEntity,
  AccountTokenEntity,
  MailMessageEntity,
  MailDeadLetterEntity,
  NotificationPreferenceEntity,
  ...COURSE_ENTITIES,
  ...EXAM_ENTITIES,
  ...CREDIT_HOURS_ENTITIES,
  ...CERTIFICATE_ENTITIES,
  ...REGISTRY_ENTITIES,
  ...REPORTING_ENTITIES,
  ...EXTERNAL_CLAIM_ENTITIES,
];
