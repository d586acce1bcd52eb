import { Inject } from '@nestjs/common';

/**
 * The connection for read-only routes that tolerate replication lag (the regulators' exports):
 * a replica when DATABASE_READ_URL is set, else the very same DataSource as everything else.
 */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');

/** Injects the read connection (a TypeORM DataSource; never write through it). */
export const InjectReadDataSource = (): ParameterDecorator => Inject(READ_DATA_SOURCE);
