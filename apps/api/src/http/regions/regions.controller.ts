import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RegionNode, RegionsService } from '@cqo/organizations';
import { Public } from '../common/access.decorator';
import { RegionNodeDto } from './regions.dto';

@ApiTags('regions 地区')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  /** The administrative tree is public information (registration forms need it before log-in). */
  @Get()
  @Public()
  @ApiOkResponse({ type: [RegionNodeDto] })
  tree(): Promise<RegionNode[]> {
    return this.regions.tree();
  }
}
