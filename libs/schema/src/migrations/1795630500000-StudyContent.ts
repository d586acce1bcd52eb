import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hosted lesson content and study integrity (issue 15): uploaded video and PDF files, the lesson's
 * link to one, per-course attention-check settings, playback positions on progress and sessions,
 * attention checks as evidence, and at most one open study session per trainee.
 */
export class StudyContent1795630500000 implements MigrationInterface {
  name = 'StudyContent1795630500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "content_files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "mime_type" text NOT NULL,
                "storage_key" text NOT NULL,
                "size_bytes" bigint NOT NULL,
                "duration_seconds" double precision,
                "sha256" text NOT NULL,
                "original_name" text NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_content_files_kind" CHECK (kind IN ('video', 'document') AND (kind = 'document' OR duration_seconds > 0)),
                CONSTRAINT "pk_content_files" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_content_files_storage_key" ON "content_files" ("storage_key")`);
    await queryRunner.query(`CREATE INDEX "ix_content_files_organization_id" ON "content_files" ("organization_id")`);
    await queryRunner.query(`
            ALTER TABLE "content_files" ADD CONSTRAINT "fk_content_files_organization" FOREIGN KEY ("organization_id")
              REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "lessons" ADD "content_file_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_lessons_content_file_id" ON "lessons" ("content_file_id")`);
    await queryRunner.query(`
            ALTER TABLE "lessons" ADD CONSTRAINT "fk_lessons_content_file" FOREIGN KEY ("content_file_id")
              REFERENCES "content_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "course_versions" ADD "attention_check_min_minutes" integer`);
    await queryRunner.query(`ALTER TABLE "course_versions" ADD "attention_check_max_minutes" integer`);
    await queryRunner.query(`ALTER TABLE "course_versions" ADD "attention_check_timeout_seconds" integer NOT NULL DEFAULT 60`);
    await queryRunner.query(`ALTER TABLE "course_versions" ADD "attention_check_from_bank" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
            ALTER TABLE "course_versions" ADD CONSTRAINT "ck_course_versions_attention_checks" CHECK (
              (attention_check_min_minutes IS NULL AND attention_check_max_minutes IS NULL)
              OR (attention_check_min_minutes >= 1 AND attention_check_max_minutes >= attention_check_min_minutes))
        `);
    await queryRunner.query(`ALTER TABLE "lesson_progress" ADD "furthest_position" double precision NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" ADD "last_position" double precision NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "position" double precision`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "watched" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "device" text`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "ended_reason" text`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "next_check_at_seconds" integer`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "pending_check_id" uuid`);
    await queryRunner.query(`ALTER TABLE "study_sessions" ADD "uncredited_beats" integer NOT NULL DEFAULT 0`);
    // One open session per trainee: close any duplicates left from before, then enforce it.
    await queryRunner.query(`
            UPDATE study_sessions s SET ended_at = s.last_beat_at, ended_reason = 'superseded'
             WHERE s.ended_at IS NULL AND EXISTS (
               SELECT 1 FROM study_sessions o WHERE o.trainee_id = s.trainee_id AND o.ended_at IS NULL AND o.started_at > s.started_at)
        `);
    await queryRunner.query(`DROP INDEX "ix_study_sessions_trainee_id_open"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_study_sessions_trainee_id_open" ON "study_sessions" ("trainee_id") WHERE ended_at IS NULL`,
    );
    await queryRunner.query(`
            CREATE TABLE "attention_checks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "prompt" text NOT NULL,
                "options" jsonb NOT NULL DEFAULT '[]',
                "answer_key" text,
                "question_id" uuid,
                "position" double precision,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answer" text,
                "passed" boolean,
                CONSTRAINT "ck_attention_checks_kind" CHECK (kind IN ('confirm', 'question')),
                CONSTRAINT "pk_attention_checks" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_attention_checks_session_id" ON "attention_checks" ("session_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_attention_checks_enrollment_id_lesson_id" ON "attention_checks" ("enrollment_id", "lesson_id")`,
    );
    await queryRunner.query(`
            ALTER TABLE "attention_checks" ADD CONSTRAINT "fk_attention_checks_session" FOREIGN KEY ("session_id")
              REFERENCES "study_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "attention_checks"`);
    await queryRunner.query(`DROP INDEX "ux_study_sessions_trainee_id_open"`);
    await queryRunner.query(`CREATE INDEX "ix_study_sessions_trainee_id_open" ON "study_sessions" ("trainee_id") WHERE ended_at IS NULL`);
    for (const column of [
      'uncredited_beats',
      'pending_check_id',
      'next_check_at_seconds',
      'ended_reason',
      'device',
      'watched',
      'position',
    ]) {
      await queryRunner.query(`ALTER TABLE "study_sessions" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP COLUMN "last_position"`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP COLUMN "furthest_position"`);
    await queryRunner.query(`ALTER TABLE "course_versions" DROP CONSTRAINT "ck_course_versions_attention_checks"`);
    for (const column of [
      'attention_check_from_bank',
      'attention_check_timeout_seconds',
      'attention_check_max_minutes',
      'attention_check_min_minutes',
    ]) {
      await queryRunner.query(`ALTER TABLE "course_versions" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "fk_lessons_content_file"`);
    await queryRunner.query(`DROP INDEX "ix_lessons_content_file_id"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP COLUMN "content_file_id"`);
    await queryRunner.query(`DROP TABLE "content_files"`);
  }
}
