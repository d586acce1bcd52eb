import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '@cqo/courses';
import { AttemptGrader } from './attempt-grader';
import { AttemptsService } from './attempts.service';
import { BankAttentionQuestionsModule } from './bank-attention-questions';
import { CapabilityResultsService } from './capability-results.service';
import { CourseExamLink } from './course-exam-link';
import { EXAM_ENTITIES } from './entities';
import { ExamResultsService } from './exam-results.service';
import { PaperDrawCache } from './paper-draw-cache';
import { PapersService } from './papers.service';
import { QuestionPoolRepository } from './question-pool.repository';
import { QuestionVersionCache } from './question-version-cache';
import { QuestionsService } from './questions.service';
import { TopicCatalog } from './topic-catalog';

@Module({
  imports: [TypeOrmModule.forFeature([...EXAM_ENTITIES]), CoursesModule, BankAttentionQuestionsModule],
  providers: [
    TopicCatalog,
    QuestionPoolRepository,
    QuestionVersionCache,
    PaperDrawCache,
    CourseExamLink,
    QuestionsService,
    PapersService,
    AttemptGrader,
    AttemptsService,
    CapabilityResultsService,
    ExamResultsService,
  ],
  exports: [
    QuestionPoolRepository,
    QuestionsService,
    PapersService,
    AttemptsService,
    CapabilityResultsService,
    ExamResultsService,
    AttemptGrader,
  ],
})
export class ExamsModule {}
