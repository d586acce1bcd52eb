import { CapabilityResultEntity } from './capability-result.entity';
import { ExamAttemptItemEntity } from './exam-attempt-item.entity';
import { ExamAttemptEntity } from './exam-attempt.entity';
import { ExamPaperQuestionEntity } from './exam-paper-question.entity';
import { ExamPaperEntity } from './exam-paper.entity';
import { QuestionVersionEntity } from './question-version.entity';
import { QuestionEntity } from './question.entity';

export {
  CapabilityResultEntity,
  ExamAttemptItemEntity,
  ExamAttemptEntity,
  ExamPaperQuestionEntity,
  ExamPaperEntity,
  QuestionVersionEntity,
  QuestionEntity,
};

export const EXAM_ENTITIES = [
  QuestionEntity,
  QuestionVersionEntity,
  ExamPaperEntity,
  ExamPaperQuestionEntity,
  ExamAttemptEntity,
  ExamAttemptItemEntity,
  CapabilityResultEntity,
] as const;
