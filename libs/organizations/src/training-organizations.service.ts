import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '@cqo/core';
import { OrganizationErrors } from './organizations.errors';
import { RegionsService } from './regions.service';
import { TrainingOrganizationEntity } from './training-organization.entity';

export interface TrainingOrganizationInput {
  name: string;
  creditCode: string;
  regionId: string;
  contactName?: string | null;
}

export interface TrainingOrganizationView {
  id: string;
  name: string;
  creditCode: string;
  regionId: string;
  contactName: string | null;
}

/** Training organizations are public information: anyone signed in may list them. */
@Injectable()
export class TrainingOrganizationsService {
  constructor(
    @InjectRepository(TrainingOrganizationEntity) private readonly orgs: Repository<TrainingOrganizationEntity>,
    private readonly regions: RegionsService,
  ) {}

  async create(input: TrainingOrganizationInput): Promise<TrainingOrganizationView> {
    await this.regions.require(input.regionId);
    try {
      return toView(await this.orgs.save(this.orgs.create({ ...input, contactName: input.contactName ?? null })));
    } catch (error) {
      if (isUniqueViolation(error, 'ux_training_organizations_credit_code')) throw OrganizationErrors.creditCodeTaken();
      throw error;
    }
  }

  async list(): Promise<TrainingOrganizationView[]> {
    return (await this.orgs.find({ order: { name: 'ASC', id: 'ASC' } })).map(toView);
  }

  async get(id: string): Promise<TrainingOrganizationView> {
    const org = await this.orgs.findOneBy({ id });
    if (!org) throw OrganizationErrors.organizationNotFound();
    return toView(org);
  }
}

function toView(o: TrainingOrganizationEntity): TrainingOrganizationView {
  return { id: o.id, name: o.name, creditCode: o.creditCode, regionId: o.regionId, contactName: o.contactName };
}
