import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A watermark of a background scan, so the reconciliation job does not re-read the whole outbox
 * each time: every `course.completed` event with an id at or below `position` has its entry.
 */
@Entity({ name: 'credit_ledger_cursors' })
export class LedgerCursorEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint', default: 0 })
  position!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
