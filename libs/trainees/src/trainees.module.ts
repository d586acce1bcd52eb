import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cqo/identity';
import { TraineeProfileEntity } from './trainee-profile.entity';
import { TraineesService } from './trainees.service';

@Module({
  imports: [TypeOrmModule.forFeature([TraineeProfileEntity]), IdentityModule],
  providers: [TraineesService],
  exports: [TraineesService],
})
export class TraineesModule {}
