import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EnterpriseSearchHit, EnterprisesService } from '@cqo/organizations';
import { Public } from '../common/access.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { ApiErrors } from '../common/api-responses';
import { SearchThrottled } from './search-throttler';

export class EnterpriseSearchQueryDto {
  @ApiProperty({ description: 'Part of the name (2 characters or more) or the start of the credit code', example: '兰州' })
  @IsString()
  @MinLength(2)
  @MaxLength(50)
  q!: string;
}

export class EnterpriseSearchHitDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Unified social credit code (public business data)' }) creditCode!: string;
  @ApiProperty() regionName!: string;
}

/**
 * The employer search of the registration form: no log-in, rate-limited per address, at most ten
 * hits, enterprise data only (nothing about people).
 */
@ApiTags('enterprises 企业')
@ApiTooManyRequestsResponse({ description: '查询过于频繁', type: ErrorBodyDto })
@Controller('enterprises')
export class EnterpriseSearchController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get('search')
  @Public()
  @SearchThrottled()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: [EnterpriseSearchHitDto] })
  @ApiErrors(400)
  search(@Query() query: EnterpriseSearchQueryDto): Promise<EnterpriseSearchHit[]> {
    return this.enterprises.searchPublic(query.q);
  }
}
