export * from './region.entity';
export * from './training-organization.entity';
export * from './enterprise.entity';
export * from './organizations.errors';
export * from './regions.service';
export * from './training-organizations.service';
export * from './enterprises.service';
export * from './organizations.module';
