import { ApiProperty } from '@nestjs/swagger';
import { RegionNode } from '@cqo/organizations';

/** A region and the regions under it (province → cities → districts). */
export class RegionNodeDto implements RegionNode {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '620100' }) code!: string;
  @ApiProperty({ example: '兰州市' }) name!: string;
  @ApiProperty({ example: 'city', description: 'province, city or district' }) level!: string;
  @ApiProperty({ type: () => [RegionNodeDto] }) children!: RegionNodeDto[];
}
