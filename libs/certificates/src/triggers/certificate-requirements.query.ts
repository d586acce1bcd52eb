import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appointmentExamPassedAt } from '@cqo/courses';

/**
 * The course fact the appointment certificate depends on besides the verdict (which comes from
 * credit-hours' RequirementEvaluator): the final appointment exam passed.
 */
@Injectable()
export class CertificateRequirementsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * "The final appointment exam passed": the trainee has an enrollment in a category-1
   * appointment course version whose final exam they passed (`enrollments.final_exam_passed_at`
   * set). Returns the latest such pass, or null.
   */
  async appointmentExamPassedAt(traineeId: string): Promise<Date | null> {
    return appointmentExamPassedAt(this.dataSource, traineeId);
  }
}
