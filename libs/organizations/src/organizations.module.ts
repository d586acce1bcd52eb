import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnterpriseEntity } from './enterprise.entity';
import { EnterprisesService } from './enterprises.service';
import { RegionEntity } from './region.entity';
import { RegionsService } from './regions.service';
import { TrainingOrganizationEntity } from './training-organization.entity';
import { TrainingOrganizationsService } from './training-organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, TrainingOrganizationEntity, EnterpriseEntity])],
  providers: [RegionsService, TrainingOrganizationsService, EnterprisesService],
  exports: [RegionsService, TrainingOrganizationsService, EnterprisesService],
})
export class OrganizationsModule {}
