import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: an external claim's evidence keeps its file in the same columns as a trainee fact's
 * evidence and an enterprise's yearly report (`StoredFileColumns` with the `file` prefix).
 */
export class ClaimEvidenceFileColumns1795674000000 implements MigrationInterface {
  name = 'ClaimEvidenceFileColumns1795674000000';

  private readonly renames = [
    ['content_type', 'file_content_type'],
    ['size', 'file_size'],
    ['sha256', 'file_sha256'],
    ['storage_key', 'file_storage_key'],
  ] as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [from, to] of this.renames) {
      await queryRunner.query(`ALTER TABLE "external_claim_evidence" RENAME COLUMN "${from}" TO "${to}"`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [from, to] of this.renames) {
      await queryRunner.query(`ALTER TABLE "external_claim_evidence" RENAME COLUMN "${to}" TO "${from}"`);
    }
  }
}
