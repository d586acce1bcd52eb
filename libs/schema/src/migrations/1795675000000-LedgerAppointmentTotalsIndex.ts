import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the compliance recomputation summed every ledger entry of every year to get this
 * year's totals and the one all-years total the notice asks for (appointment training hours).
 * It now reads this year's partition for the yearly totals and only appointment entries for the
 * all-years total: this partial index holds exactly those (one entry in about seven), so the
 * recomputation's cost follows one year of the ledger instead of its whole history.
 */
export class LedgerAppointmentTotalsIndex1795675000000 implements MigrationInterface {
  name = 'LedgerAppointmentTotalsIndex1795675000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_credit_entries_appointment_hours" ON "credit_entries" ("trainee_id") INCLUDE ("hours") WHERE category = 1 AND kind = 'appointment'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_credit_entries_appointment_hours"`);
  }
}
