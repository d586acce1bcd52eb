import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterpriseCorrectionRequestEntity } from './master-data/enterprise-correction.entity';
import { EnterpriseImportEntity, EnterpriseImportRowEntity } from './master-data/enterprise-import.entity';
import { EnterpriseMasterVersionEntity } from './master-data/enterprise-master-version.entity';
import { EnterprisesService } from './enterprises.service';
import { EnterpriseImportService } from './master-data/enterprise-import.service';
import { MasterDataService } from './master-data/master-data.service';
import { RegionEntity } from './region.entity';
import { RegionsService } from './regions.service';
import { TrainingOrganizationEntity } from './training-organization.entity';
import { TrainingOrganizationsService } from './training-organizations.service';

/** Every entity of this lib, for ALL_ENTITIES. */
export const ORGANIZATION_ENTITIES = [
  RegionEntity,
  TrainingOrganizationEntity,
  EnterpriseEntity,
  EnterpriseMasterVersionEntity,
  EnterpriseImportEntity,
  EnterpriseImportRowEntity,
  EnterpriseCorrectionRequestEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(ORGANIZATION_ENTITIES)],
  providers: [RegionsService, TrainingOrganizationsService, EnterprisesService, MasterDataService, EnterpriseImportService],
  exports: [RegionsService, TrainingOrganizationsService, EnterprisesService, MasterDataService, EnterpriseImportService],
})
export class OrganizationsModule {}
