export * from './id-number-collision.entity';
export * from './trainee-profile.entity';
export * from './trainees.errors';
export * from './trainees.service';
export * from './trainees.module';
export * from './identity-references/identity-references';
export * from './id-number-collisions.service';
export * from './sql/trainee-profiles.sql';
