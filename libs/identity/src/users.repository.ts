import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@cqo/core';
import { regionPathOf } from '@cqo/organizations';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username: username.trim().toLowerCase() });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOneBy(UserEntity, { id });
  }

  /** The actor a user acts as, with the region path resolved so scope checks need no query. */
  async actorOf(user: UserEntity, manager: EntityManager = this.dataSource.manager): Promise<Actor> {
    let regionPath: string | null = null;
    if (user.regionId) {
      regionPath = (await regionPathOf(manager, user.regionId)) ?? null;
    }
    return {
      userId: user.id,
      role: user.role,
      organizationId: user.organizationId,
      enterpriseId: user.enterpriseId,
      regionId: user.regionId,
      regionPath,
    };
  }
}
