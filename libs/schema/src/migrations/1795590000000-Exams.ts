import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Exams1795590000000 implements MigrationInterface {
  name = 'Exams1795590000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exam_papers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "region_id" uuid,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "description" text,
                "status" text NOT NULL DEFAULT 'draft',
                "pass_mark_percent" smallint NOT NULL,
                "time_limit_minutes" integer NOT NULL,
                "max_attempts" integer,
                "cooldown_minutes" integer NOT NULL DEFAULT '0',
                "grace_seconds" integer NOT NULL DEFAULT '30',
                "shuffle_questions" boolean NOT NULL DEFAULT false,
                "shuffle_options" boolean NOT NULL DEFAULT false,
                "reveal_answers" text NOT NULL DEFAULT 'never',
                "draw_rules" jsonb NOT NULL DEFAULT '[]',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_exam_papers_pass_mark" CHECK (
                    pass_mark_percent BETWEEN 0 AND 100
                ),
                CONSTRAINT "ck_exam_papers_owner" CHECK ((organization_id IS NULL) <> (region_id IS NULL)),
                CONSTRAINT "PK_5c68bb623f49d4641a518d65071" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_papers_organization_id" ON "exam_papers" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_papers_region_id" ON "exam_papers" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "paper_id" uuid NOT NULL,
                "trainee_id" uuid NOT NULL,
                "attempt_no" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "seed" text NOT NULL,
                "enrollment_id" uuid,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "grace_seconds" integer NOT NULL,
                "pass_mark_percent" smallint NOT NULL,
                "reveal_answers" text NOT NULL,
                "question_count" integer NOT NULL,
                "max_score" integer NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submission" text,
                "score" integer,
                "percent" numeric(5, 2),
                "passed" boolean,
                CONSTRAINT "PK_4eb6c7775e0a9c178ef7f4826f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_attempts_paper_id_submitted_at" ON "exam_attempts" ("paper_id", "submitted_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_attempts_trainee_id_started_at" ON "exam_attempts" ("trainee_id", "started_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_exam_attempts_paper_id_trainee_id_attempt_no" ON "exam_attempts" ("paper_id", "trainee_id", "attempt_no")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_exam_attempts_paper_id_trainee_id_open" ON "exam_attempts" ("paper_id", "trainee_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE TABLE "capability_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "paper_id" uuid NOT NULL,
                "trainee_id" uuid NOT NULL,
                "organization_id" uuid,
                "region_id" uuid,
                "title" text NOT NULL,
                "passed" boolean NOT NULL,
                "score" integer NOT NULL,
                "max_score" integer NOT NULL,
                "percent" numeric(5, 2) NOT NULL,
                "concluded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_capability_results_owner" CHECK ((organization_id IS NULL) <> (region_id IS NULL)),
                CONSTRAINT "PK_8fe15b3da9ee4c5e13261f32750" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_capability_results_attempt_id" ON "capability_results" ("attempt_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_capability_results_paper_id" ON "capability_results" ("paper_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_capability_results_organization_id" ON "capability_results" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_capability_results_region_id" ON "capability_results" ("region_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_capability_results_trainee_id_concluded_at" ON "capability_results" ("trainee_id", "concluded_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "region_id" uuid,
                "current_version" integer NOT NULL DEFAULT '1',
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_questions_owner" CHECK ((organization_id IS NULL) <> (region_id IS NULL)),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_questions_organization_id" ON "questions" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_questions_region_id" ON "questions" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "question_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "question_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "type" text NOT NULL,
                "stem" text NOT NULL,
                "options" jsonb NOT NULL,
                "correct_option_ids" text array NOT NULL,
                "category" smallint NOT NULL,
                "topics" text array NOT NULL,
                "difficulty" smallint NOT NULL,
                "explanation" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cf0e5fdf563f7d8286f7d8e68ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_question_versions_question_id_version" ON "question_versions" ("question_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_attempt_items" (
                "attempt_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "question_version_id" uuid NOT NULL,
                "points" integer NOT NULL,
                "option_order" text array NOT NULL,
                "selected_option_ids" text array,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "correct" boolean,
                "awarded_points" integer,
                CONSTRAINT "PK_35e1ea91d86f7ce7f55bc99bfe0" PRIMARY KEY ("attempt_id", "position")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_attempt_items_question_version_id" ON "exam_attempt_items" ("question_version_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "exam_paper_questions" (
                "paper_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "question_id" uuid NOT NULL,
                "points" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_df2affa328cdb1d651224d8eadb" PRIMARY KEY ("paper_id", "position")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_exam_paper_questions_question_id" ON "exam_paper_questions" ("question_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_exam_paper_questions_paper_id_question_id" ON "exam_paper_questions" ("paper_id", "question_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_papers"
            ADD CONSTRAINT "fk_exam_papers_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_papers"
            ADD CONSTRAINT "fk_exam_papers_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts"
            ADD CONSTRAINT "fk_exam_attempts_paper" FOREIGN KEY ("paper_id") REFERENCES "exam_papers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts"
            ADD CONSTRAINT "fk_exam_attempts_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results"
            ADD CONSTRAINT "fk_capability_results_attempt" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results"
            ADD CONSTRAINT "fk_capability_results_paper" FOREIGN KEY ("paper_id") REFERENCES "exam_papers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results"
            ADD CONSTRAINT "fk_capability_results_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results"
            ADD CONSTRAINT "fk_capability_results_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results"
            ADD CONSTRAINT "fk_capability_results_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "fk_questions_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "fk_questions_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "question_versions"
            ADD CONSTRAINT "fk_question_versions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items"
            ADD CONSTRAINT "fk_exam_attempt_items_attempt" FOREIGN KEY ("attempt_id") REFERENCES "exam_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items"
            ADD CONSTRAINT "fk_exam_attempt_items_question_version" FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_paper_questions"
            ADD CONSTRAINT "fk_exam_paper_questions_paper" FOREIGN KEY ("paper_id") REFERENCES "exam_papers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_paper_questions"
            ADD CONSTRAINT "fk_exam_paper_questions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "exam_paper_questions" DROP CONSTRAINT "fk_exam_paper_questions_question"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_paper_questions" DROP CONSTRAINT "fk_exam_paper_questions_paper"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "fk_exam_attempt_items_question_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempt_items" DROP CONSTRAINT "fk_exam_attempt_items_attempt"
        `);
    await queryRunner.query(`
            ALTER TABLE "question_versions" DROP CONSTRAINT "fk_question_versions_question"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "fk_questions_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "fk_questions_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results" DROP CONSTRAINT "fk_capability_results_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results" DROP CONSTRAINT "fk_capability_results_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results" DROP CONSTRAINT "fk_capability_results_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results" DROP CONSTRAINT "fk_capability_results_paper"
        `);
    await queryRunner.query(`
            ALTER TABLE "capability_results" DROP CONSTRAINT "fk_capability_results_attempt"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts" DROP CONSTRAINT "fk_exam_attempts_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_attempts" DROP CONSTRAINT "fk_exam_attempts_paper"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_papers" DROP CONSTRAINT "fk_exam_papers_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "exam_papers" DROP CONSTRAINT "fk_exam_papers_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_exam_paper_questions_paper_id_question_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_paper_questions_question_id"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_paper_questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_attempt_items_question_version_id"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_attempt_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_question_versions_question_id_version"
        `);
    await queryRunner.query(`
            DROP TABLE "question_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_questions_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_questions_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_capability_results_trainee_id_concluded_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_capability_results_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_capability_results_organization_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_capability_results_paper_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_capability_results_attempt_id"
        `);
    await queryRunner.query(`
            DROP TABLE "capability_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_exam_attempts_paper_id_trainee_id_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_exam_attempts_paper_id_trainee_id_attempt_no"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_attempts_trainee_id_started_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_attempts_paper_id_submitted_at"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_papers_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_exam_papers_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "exam_papers"
        `);
  }
}
