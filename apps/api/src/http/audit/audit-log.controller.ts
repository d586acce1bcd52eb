import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Page, Role } from '@cqo/core';
import { AuditAction, AuditLogService, AuditLogView } from '@cqo/identity';
import { Access } from '../common/access.decorator';
import { ApiErrors } from '../common/api-responses';
import { PageQueryDto } from '../common/paging.dto';

const ACTIONS: readonly AuditAction[] = [
  'login.succeeded',
  'login.failed',
  'login.locked',
  'logout',
  'password.changed',
  'totp.enabled',
  'totp.disabled',
  'user.created',
  'user.status_changed',
  'user.role_changed',
  'trainee.id_number_collision',
  'trainee.id_number_changed',
  'trainee.employer_confirmed',
  'trainee.employer_rejected',
  'trainee.id_collision_resolved',
  'data.export',
  'data.lookup',
];

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

class AuditLogEntryDto implements AuditLogView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ enum: ACTIONS }) action!: AuditAction;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the event adds (kind of export, rows, reason…)' })
  details!: Record<string, unknown>;
}

class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The security audit log (log-ins, failures, lock-outs, account changes, exports, lookups). */
@ApiTags('audit 安全审计')
@Controller('audit-log')
@Access(Role.PlatformAdmin)
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiErrors(400)
  list(@Query() query: AuditLogQueryDto): Promise<Page<AuditLogView>> {
    return this.audit.list({ action: query.action, actorId: query.actorId, subjectId: query.subjectId }, query);
  }
}
