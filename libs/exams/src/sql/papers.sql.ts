import { defineQuery } from '@cqo/core';

// SQL of papers (PapersService) beyond the entity repository. Tables: exam_paper_questions (exams).

export const fixedQuestionIds = defineQuery<[paperId: string], { question_id: string }>(
  'exams.papers.fixedQuestionIds',
  'SELECT question_id FROM exam_paper_questions WHERE paper_id = $1',
);
