import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The exams side of "passing the final exam counts toward course completion": which enrolment an
 * attempt at a course's final exam counts for, and telling the courses lib it was passed.
 */
@Injectable()
export class CourseExamLink {
  /** The trainee's active enrolment in a course version whose final exam is this paper, if any. */
  async enrollmentFor(_manager: EntityManager, _traineeId: string, _paperId: string): Promise<string | null> {
    return null;
  }

  /** Records the pass inside the grading transaction (the courses lib may complete the enrolment). */
  async recordPassed(_manager: EntityManager, _enrollmentId: string, _passedAt: Date): Promise<void> {
    return;
  }
}
