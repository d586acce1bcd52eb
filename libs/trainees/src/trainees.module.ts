import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cqo/identity';
import { IdNumberCollisionEntity } from './id-number-collision.entity';
import { TraineeProfileEntity } from './trainee-profile.entity';
import { TraineesService } from './trainees.service';
import { IdNumberCollisionsService } from './id-number-collisions.service';
import { IdentityReferences } from './identity-references/identity-references';

@Module({
  imports: [TypeOrmModule.forFeature([TraineeProfileEntity, IdNumberCollisionEntity]), IdentityModule],
  providers: [TraineesService, IdentityReferences, IdNumberCollisionsService],
  exports: [TraineesService, IdentityReferences, IdNumberCollisionsService],
})
export class TraineesModule {}
