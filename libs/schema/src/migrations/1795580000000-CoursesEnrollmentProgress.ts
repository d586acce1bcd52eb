import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoursesEnrollmentProgress1795580000000 implements MigrationInterface {
  name = 'CoursesEnrollmentProgress1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "topics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "category" smallint NOT NULL,
                "name" text NOT NULL,
                "sort_order" integer NOT NULL,
                CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_topics_code" ON "topics" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_courses_organization_id" ON "courses" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "course_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "category" smallint NOT NULL,
                "kind" text NOT NULL,
                "credit_hours" numeric(5, 1) NOT NULL,
                "delivery_mode" text NOT NULL,
                "capacity" integer,
                "seats_taken" integer NOT NULL DEFAULT '0',
                "enrollment_opens_at" TIMESTAMP WITH TIME ZONE,
                "enrollment_closes_at" TIMESTAMP WITH TIME ZONE,
                "completion_share" numeric(3, 2) NOT NULL DEFAULT '0.90',
                "final_exam_paper_id" uuid,
                "approval_number" text,
                "review_note" text,
                "reviewed_by" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_course_versions_completion_share" CHECK (
                    completion_share > 0
                    AND completion_share <= 1
                ),
                CONSTRAINT "ck_course_versions_category_kind" CHECK (
                    category IN (1, 2)
                    AND kind IN ('appointment', 'continuing')
                    AND (
                        category = 1
                        OR kind = 'continuing'
                    )
                ),
                CONSTRAINT "ck_course_versions_credit_hours" CHECK (
                    credit_hours > 0
                    AND credit_hours * 2 = floor(credit_hours * 2)
                ),
                CONSTRAINT "ck_course_versions_seats" CHECK (
                    seats_taken >= 0
                    AND (
                        capacity IS NULL
                        OR seats_taken <= capacity
                    )
                ),
                CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_course_versions_course_id" ON "course_versions" ("course_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_course_versions_organization_id" ON "course_versions" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_course_versions_catalog" ON "course_versions" ("published_at", "id")
            WHERE status = 'published'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_course_versions_approval_number" ON "course_versions" ("approval_number")
            WHERE approval_number IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_course_versions_one_working" ON "course_versions" ("course_id")
            WHERE status IN ('draft', 'submitted', 'returned', 'approved')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_course_versions_one_published" ON "course_versions" ("course_id")
            WHERE status = 'published'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_course_versions_course_id_version" ON "course_versions" ("course_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "course_version_topics" (
                "course_version_id" uuid NOT NULL,
                "topic_id" uuid NOT NULL,
                CONSTRAINT "PK_782a882ea942b4634bda93b59c3" PRIMARY KEY ("course_version_id", "topic_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_course_version_topics_topic_id" ON "course_version_topics" ("topic_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "lessons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_version_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title" text NOT NULL,
                "type" text NOT NULL,
                "minutes" integer NOT NULL,
                "required" boolean NOT NULL DEFAULT true,
                "content_url" text,
                "starts_at" TIMESTAMP WITH TIME ZONE,
                "ends_at" TIMESTAMP WITH TIME ZONE,
                "venue" text,
                CONSTRAINT "ck_lessons_minutes" CHECK (minutes > 0),
                CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_lessons_course_version_id_position" ON "lessons" ("course_version_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "enrollments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trainee_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "course_version_id" uuid NOT NULL,
                "status" text NOT NULL,
                "source" text NOT NULL DEFAULT 'self',
                "enrolled_by" uuid,
                "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "final_exam_passed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrollments_course_id" ON "enrollments" ("course_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrollments_course_version_id_status" ON "enrollments" ("course_version_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_enrollments_trainee_id_course_id_live" ON "enrollments" ("trainee_id", "course_id")
            WHERE status <> 'withdrawn'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_enrollments_trainee_id_course_version_id" ON "enrollments" ("trainee_id", "course_version_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "lesson_progress" (
                "enrollment_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "active_seconds" integer NOT NULL DEFAULT '0',
                "required_seconds" integer NOT NULL,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "completed_via" text,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db0cdb221e98de3ff32470ecfed" PRIMARY KEY ("enrollment_id", "lesson_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_lesson_progress_lesson_id" ON "lesson_progress" ("lesson_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "study_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "trainee_id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_beat_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "credited_seconds" integer NOT NULL DEFAULT '0',
                "beats" integer NOT NULL DEFAULT '0',
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_529b2be328c0a953f9bf0cf988e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_study_sessions_enrollment_id" ON "study_sessions" ("enrollment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_study_sessions_lesson_id" ON "study_sessions" ("lesson_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_study_sessions_trainee_id_open" ON "study_sessions" ("trainee_id")
            WHERE ended_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "attendance_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrollment_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "signed_in_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "signed_out_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_attendance_records_times" CHECK (signed_out_at > signed_in_at),
                CONSTRAINT "PK_946920332f5bc9efad3f3023b96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_attendance_records_lesson_id" ON "attendance_records" ("lesson_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_attendance_records_enrollment_id_lesson_id" ON "attendance_records" ("enrollment_id", "lesson_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "xapi_api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" text NOT NULL,
                "key_prefix" text NOT NULL,
                "key_hash" text NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_df071c7dcc7e33c4eea2a063ab2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_xapi_api_keys_organization_id" ON "xapi_api_keys" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_xapi_api_keys_key_hash" ON "xapi_api_keys" ("key_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "xapi_statements" (
                "id" uuid NOT NULL,
                "enrollment_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "api_key_id" uuid NOT NULL,
                "verb" text NOT NULL,
                "reported_seconds" integer,
                "credited_seconds" integer NOT NULL,
                "content_hash" text NOT NULL,
                "statement_timestamp" TIMESTAMP WITH TIME ZONE,
                "stored_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_883738d4aefdd18a927f083f619" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_enrollment_id" ON "xapi_statements" ("enrollment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_lesson_id" ON "xapi_statements" ("lesson_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "fk_courses_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "fk_course_versions_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "fk_course_versions_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_version_topics"
            ADD CONSTRAINT "fk_course_version_topics_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "course_version_topics"
            ADD CONSTRAINT "fk_course_version_topics_topic" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "fk_lessons_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "fk_enrollments_trainee" FOREIGN KEY ("trainee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "fk_enrollments_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments"
            ADD CONSTRAINT "fk_enrollments_course_version" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "fk_lesson_progress_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "fk_lesson_progress_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "study_sessions"
            ADD CONSTRAINT "fk_study_sessions_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "study_sessions"
            ADD CONSTRAINT "fk_study_sessions_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_records"
            ADD CONSTRAINT "fk_attendance_records_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_records"
            ADD CONSTRAINT "fk_attendance_records_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "xapi_api_keys"
            ADD CONSTRAINT "fk_xapi_api_keys_organization" FOREIGN KEY ("organization_id") REFERENCES "training_organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "xapi_statements"
            ADD CONSTRAINT "fk_xapi_statements_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "xapi_statements"
            ADD CONSTRAINT "fk_xapi_statements_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "xapi_statements" DROP CONSTRAINT "fk_xapi_statements_lesson"
        `);
    await queryRunner.query(`
            ALTER TABLE "xapi_statements" DROP CONSTRAINT "fk_xapi_statements_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "xapi_api_keys" DROP CONSTRAINT "fk_xapi_api_keys_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_records" DROP CONSTRAINT "fk_attendance_records_lesson"
        `);
    await queryRunner.query(`
            ALTER TABLE "attendance_records" DROP CONSTRAINT "fk_attendance_records_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_sessions" DROP CONSTRAINT "fk_study_sessions_lesson"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_sessions" DROP CONSTRAINT "fk_study_sessions_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "fk_lesson_progress_lesson"
        `);
    await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "fk_lesson_progress_enrollment"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_course_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_course"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_trainee"
        `);
    await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "fk_lessons_course_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_version_topics" DROP CONSTRAINT "fk_course_version_topics_topic"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_version_topics" DROP CONSTRAINT "fk_course_version_topics_course_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "fk_course_versions_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "fk_course_versions_course"
        `);
    await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "fk_courses_organization"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_lesson_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_enrollment_id"
        `);
    await queryRunner.query(`
            DROP TABLE "xapi_statements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_xapi_api_keys_key_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_api_keys_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "xapi_api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_attendance_records_enrollment_id_lesson_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_attendance_records_lesson_id"
        `);
    await queryRunner.query(`
            DROP TABLE "attendance_records"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_study_sessions_trainee_id_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_study_sessions_lesson_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_study_sessions_enrollment_id"
        `);
    await queryRunner.query(`
            DROP TABLE "study_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_lesson_progress_lesson_id"
        `);
    await queryRunner.query(`
            DROP TABLE "lesson_progress"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_enrollments_trainee_id_course_version_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_enrollments_trainee_id_course_id_live"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrollments_course_version_id_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrollments_course_id"
        `);
    await queryRunner.query(`
            DROP TABLE "enrollments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_lessons_course_version_id_position"
        `);
    await queryRunner.query(`
            DROP TABLE "lessons"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_course_version_topics_topic_id"
        `);
    await queryRunner.query(`
            DROP TABLE "course_version_topics"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_course_versions_course_id_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_course_versions_one_published"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_course_versions_one_working"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_course_versions_approval_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_course_versions_catalog"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_course_versions_organization_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_course_versions_course_id"
        `);
    await queryRunner.query(`
            DROP TABLE "course_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_courses_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "courses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_topics_code"
        `);
    await queryRunner.query(`
            DROP TABLE "topics"
        `);
  }
}
