import type { FieldIssue } from '@cqo/core';
import { DomainError } from '@cqo/core';

/**
 * Codes of the exams domain. A question, paper or attempt of another owner (or another trainee)
 * answers 404, as if it did not exist; reading a trainee's record outside one's scope is a 403.
 */
export const ExamErrors = {
  questionNotFound: () => DomainError.notFound('QUESTION_NOT_FOUND', '试题不存在'),
  questionArchived: () => DomainError.conflict('QUESTION_ARCHIVED', '试题已停用，不能修改'),
  questionInvalid: (details: FieldIssue[]) => DomainError.invalid('QUESTION_INVALID', '试题内容有误', details),
  importFileInvalid: (message: string) => DomainError.invalid('IMPORT_FILE_INVALID', message, [{ field: 'content', message }]),
  importRowsInvalid: (details: FieldIssue[]) =>
    DomainError.invalid(
      'IMPORT_ROWS_INVALID',
      `导入文件有${new Set(details.map((d) => d.field.replace(/\].*$/, ']'))).size}行错误，未导入任何试题`,
      details,
    ),
  paperNotFound: () => DomainError.notFound('PAPER_NOT_FOUND', '试卷不存在'),
  paperNotDraft: () => DomainError.conflict('PAPER_NOT_DRAFT', '试卷已发布，不能修改；请停用后另建试卷'),
  paperNotPublished: () => DomainError.conflict('PAPER_NOT_PUBLISHED', '试卷未发布或已停用'),
  paperEmpty: () =>
    DomainError.invalid('PAPER_EMPTY', '试卷至少需要一道固定试题或一条抽题规则', [{ field: 'fixedQuestions', message: '试卷没有试题' }]),
  paperQuestionsInvalid: (details: FieldIssue[]) =>
    DomainError.invalid('PAPER_QUESTIONS_INVALID', '试卷引用的试题不存在或不属于本机构', details),
  drawPoolTooSmall: (details: FieldIssue[]) => DomainError.conflict('DRAW_POOL_TOO_SMALL', '题库中符合抽题规则的试题不足', details),
  notEligible: () => DomainError.forbidden('EXAM_NOT_ELIGIBLE', '您未报名该考试对应的课程，或不在该测试的范围内'),
  attemptsExhausted: (max: number) => DomainError.conflict('ATTEMPTS_EXHAUSTED', `该试卷最多可考${max}次，次数已用完`),
  cooldownActive: (until: Date) =>
    DomainError.conflict('COOLDOWN_ACTIVE', `两次考试之间须间隔一段时间，请于 ${until.toISOString()} 之后再试`, [
      { field: 'nextAttemptAt', message: until.toISOString() },
    ]),
  alreadyPassed: () => DomainError.conflict('EXAM_ALREADY_PASSED', '您已通过该考试'),
  attemptNotFound: () => DomainError.notFound('ATTEMPT_NOT_FOUND', '考试记录不存在'),
  attemptClosed: () => DomainError.conflict('ATTEMPT_CLOSED', '本次考试已交卷，不能再作答'),
  attemptExpired: () => DomainError.conflict('ATTEMPT_EXPIRED', '考试时间已到，不能再作答'),
  answerInvalid: (details: FieldIssue[]) => DomainError.invalid('ANSWER_INVALID', '答案有误', details),
};
