import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@cqo/core';
import { CoursesModule } from '@cqo/courses';
import { IdentityModule } from '@cqo/identity';
import { OrganizationsModule } from '@cqo/organizations';
import { DatabaseModule } from '@cqo/schema';
import { RegistryModule } from '@cqo/registry';
import { TraineesModule } from '@cqo/trainees';

/** Just enough of the product to write demo data through its services. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot(),
        OrganizationsModule,
        IdentityModule,
        TraineesModule,
        CoursesModule,
        RegistryModule,
      ],
    };
  }
}
