import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cqo/identity';
import { IdNumberCollisionEntity } from './id-number-collision.entity';
import { TraineeProfileEntity } from './trainee-profile.entity';
import { TraineesService } from './trainees.service';

@Module({
  imports: [TypeOrmModule.forFeature([TraineeProfileEntity, IdNumberCollisionEntity]), IdentityModule],
  providers: [TraineesService],
  exports: [TraineesService],
})
export class TraineesModule {}
