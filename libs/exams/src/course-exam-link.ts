import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CourseCompletionService, courseVersionIdsWithFinalExam } from '@cqo/courses';

/**
 * The exams side of "passing the final exam counts toward course completion" (DOMAIN.md: hours
 * accrue when required lessons are done and, where the course has an exam, the exam is passed).
 */
@Injectable()
export class CourseExamLink {
  constructor(private readonly completion: CourseCompletionService) {}

  /** The trainee's live enrolment in a course version whose final exam is this paper, if any. */
  async enrollmentFor(manager: EntityManager, traineeId: string, paperId: string): Promise<string | null> {
    // course_versions.final_exam_paper_id is the courses lib's documented link to a paper.
    for (const versionId of await courseVersionIdsWithFinalExam(manager, paperId)) {
      const enrollment = await this.completion.findActiveEnrollment(traineeId, versionId, manager);
      if (enrollment && enrollment.finalExamPaperId === paperId) return enrollment.id;
    }
    return null;
  }

  /** Inside the grading transaction: the courses lib records the pass and may complete the enrolment. */
  async recordPassed(manager: EntityManager, enrollmentId: string, passedAt: Date): Promise<void> {
    await this.completion.recordFinalExamPassed(manager, enrollmentId, passedAt);
  }
}
