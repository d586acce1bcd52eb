import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { checkDependency, Dependency, DependencyMonitor, RedisClient } from '@cqo/core';
import { Public } from '../common/access.decorator';
import { ErrorBodyDto } from '../common/error-body';

class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ required: false }) message?: string;
}

/** Every dependency answered. */
class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' },
    example: { postgres: { status: 'up' } },
  })
  info!: Record<string, DependencyStatusDto>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' }, example: {} })
  error!: Record<string, DependencyStatusDto>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' } })
  details!: Record<string, DependencyStatusDto>;
}

@ApiExtraModels(DependencyStatusDto)
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly monitor: DependencyMonitor,
  ) {}

  /** Ready when PostgreSQL and Redis answer; 503 naming the one that does not, since when and why. */
  @Get()
  @Public()
  // Terminus would document its own 503 shape; the error filter sends the one error body instead.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE: details name each dependency that is down', type: ErrorBodyDto })
  check() {
    return this.health.check([
      () => this.probe('postgres', () => this.dataSource.query('SELECT 1')),
      () =>
        this.probe('redis', async () => {
          if (!(await this.redis.ping())) throw new Error('no answer to PING');
        }),
    ]);
  }

  private async probe(dependency: Dependency, check: () => Promise<unknown>) {
    const session = this.indicators.check(dependency);
    const outage = await checkDependency(this.monitor, dependency, check);
    return outage ? session.down({ message: `down since ${outage.since.toISOString()}: ${outage.error}` }) : session.up();
  }
}
