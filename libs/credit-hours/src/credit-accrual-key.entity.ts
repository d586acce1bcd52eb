import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReferencesCreditEntry } from './credit-entry.entity';

/**
 * The accrual keys of the ledger, unique across every year. `credit_entries` is partitioned by
 * year and can only hold a key unique per year; this small unpartitioned table holds it once.
 * {@link LedgerService.append} writes the key and its entry in one statement (`ON CONFLICT DO
 * NOTHING` on the key), so a second delivery of the same accrual writes neither, whatever
 * year it would land in. Append-only, like the ledger.
 */
@Entity({ name: 'credit_accrual_keys' })
@ReferencesCreditEntry('entryId', 'year', 'fk_credit_accrual_keys_entry')
export class CreditAccrualKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_credit_accrual_keys' })
  accrualKey!: string;

  @Column({ type: 'uuid' })
  entryId!: string;

  /** The entry's year (the partition it lives in). */
  @Column({ type: 'smallint' })
  year!: number;
}
