import { Column } from 'typeorm';

/**
 * The `created_at` / `updated_at` pair of a row that is edited in place, both defaulting to now().
 * An entity extends it to have both columns; whoever changes the row sets `updatedAt`.
 */
export abstract class RowTimestamps {
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
