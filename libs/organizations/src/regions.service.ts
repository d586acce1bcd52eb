import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RegionEntity } from './region.entity';
import { OrganizationErrors } from './organizations.errors';

export interface RegionNode {
  id: string;
  code: string;
  name: string;
  level: string;
  children: RegionNode[];
}

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  /** The whole tree, roots first, children in their seeded order. */
  async tree(): Promise<RegionNode[]> {
    const all = await this.regions.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    const nodes = new Map(all.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, level: r.level, children: [] as RegionNode[] }]));
    const roots: RegionNode[] = [];
    for (const r of all) {
      const node = nodes.get(r.id)!;
      const parent = r.parentId ? nodes.get(r.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** The region, or a 400 naming `field` if it does not exist (for ids taken from a request body). */
  async require(id: string, field = 'regionId'): Promise<RegionEntity> {
    const region = await this.regions.findOneBy({ id });
    if (!region) throw OrganizationErrors.regionNotFound(field);
    return region;
  }

  findByCode(code: string): Promise<RegionEntity | null> {
    return this.regions.findOneBy({ code });
  }
}
