import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The course fact the appointment certificate depends on besides the verdict (which comes from
 * credit-hours' RequirementEvaluator): the final appointment exam passed.
 */
@Injectable()
export class CertificateRequirementsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * "The final appointment exam passed": the trainee has an enrollment in a category-1
   * appointment course version whose final exam they passed (`enrollments.final_exam_passed_at`
   * set). Returns the latest such pass, or null.
   */
  async appointmentExamPassedAt(traineeId: string): Promise<Date | null> {
    const rows: { passed_at: Date | null }[] = await this.dataSource.query(
      `SELECT max(e.final_exam_passed_at) AS passed_at
         FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.trainee_id = $1 AND v.category = 1 AND v.kind = 'appointment' AND e.final_exam_passed_at IS NOT NULL`,
      [traineeId],
    );
    return rows[0]?.passed_at ?? null;
  }
}
