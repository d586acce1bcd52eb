import { ApiProperty } from '@nestjs/swagger';
import type {
  AttemptResultView,
  AttemptStatus,
  CapabilityResultView,
  DrawRule,
  ImportResult,
  ItemStatisticsView,
  PaperKind,
  PaperResultRow,
  PaperResultsSummary,
  PaperStatus,
  PaperView,
  QuestionType,
  QuestionView,
  ReviewItemView,
  RevealPolicy,
  StoredOption,
  Submission,
  TopicCategory,
  TraineeAttemptSummary,
  TraineeAttemptView,
  TraineeItemView,
  TraineePaperView,
} from '@cqo/exams';
import { PAPER_KINDS, QUESTION_TYPES, REVEAL_POLICIES } from '@cqo/exams';
import { PageDtoOf } from '../common/page.dto';

const PAPER_STATUSES: PaperStatus[] = ['draft', 'published', 'archived'];
const ATTEMPT_STATUSES: AttemptStatus[] = ['open', 'submitted'];
const SUBMISSIONS: Submission[] = ['trainee', 'deadline'];

// ---------------------------------------------------------------- question bank

export class QuestionOptionViewDto {
  @ApiProperty({ description: 'Random, never a position' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() correct!: boolean;
}

/** A question (its current version, or one version of its history) as its owner sees it. */
export class QuestionViewDto implements QuestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: [QuestionOptionViewDto] }) options!: QuestionOptionViewDto[];
  @ApiProperty({ enum: [1, 2] }) category!: TopicCategory;
  @ApiProperty({ type: [String], description: 'Topic codes' }) topics!: string[];
  @ApiProperty({ minimum: 1, maximum: 5 }) difficulty!: number;
  @ApiProperty({ nullable: true, type: String }) explanation!: string | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class QuestionPageDto extends PageDtoOf(QuestionViewDto) {}

export class QuestionImportResultDto implements ImportResult {
  @ApiProperty({ description: 'Checked only, nothing saved' }) dryRun!: boolean;
  @ApiProperty() rows!: number;
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String] }) questionIds!: string[];
}

// ---------------------------------------------------------------- papers

export class PaperFixedQuestionDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty() position!: number;
  @ApiProperty() points!: number;
}

export class PaperDrawRuleDto implements DrawRule {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, enum: [1, 2], type: Number }) category!: TopicCategory | null;
  @ApiProperty({ nullable: true, type: String }) topic!: string | null;
  @ApiProperty({ nullable: true, type: Number }) difficultyMin!: number | null;
  @ApiProperty({ nullable: true, type: Number }) difficultyMax!: number | null;
  @ApiProperty({ description: 'Points each drawn question is worth' }) points!: number;
}

/** A paper as its owner sees it. */
export class PaperViewDto implements PaperView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PAPER_KINDS }) kind!: PaperKind;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: PAPER_STATUSES }) status!: PaperStatus;
  @ApiProperty() passMarkPercent!: number;
  @ApiProperty() timeLimitMinutes!: number;
  @ApiProperty({ nullable: true, type: Number }) maxAttempts!: number | null;
  @ApiProperty() cooldownMinutes!: number;
  @ApiProperty() graceSeconds!: number;
  @ApiProperty() shuffleQuestions!: boolean;
  @ApiProperty() shuffleOptions!: boolean;
  @ApiProperty({ enum: REVEAL_POLICIES }) revealAnswers!: RevealPolicy;
  @ApiProperty({ type: [PaperFixedQuestionDto] }) fixedQuestions!: PaperFixedQuestionDto[];
  @ApiProperty({ type: [PaperDrawRuleDto] }) drawRules!: PaperDrawRuleDto[];
  @ApiProperty() questionCount!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class PaperPageDto extends PageDtoOf(PaperViewDto) {}

/** One attempt in a paper's results, for its owner. */
export class PaperResultRowDto implements PaperResultRow {
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ nullable: true, type: String, example: '620102********1234' }) idNumberMasked!: string | null;
  @ApiProperty({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty() startedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, enum: SUBMISSIONS, type: String }) submission!: Submission | null;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ nullable: true, type: String, example: '85.00' }) percent!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed!: boolean | null;
}

export class PaperResultsSummaryDto implements PaperResultsSummary {
  @ApiProperty() attempts!: number;
  @ApiProperty() graded!: number;
  @ApiProperty() passed!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Mean score share of graded attempts, percent with two decimals' })
  meanPercent!: string | null;
}

/** A page of a paper's results, with the summary over all of them. */
export class PaperResultsPageDto extends PageDtoOf(PaperResultRowDto) {
  @ApiProperty({ type: PaperResultsSummaryDto }) summary!: PaperResultsSummaryDto;
}

export class ItemStatisticDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() stem!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'Share of attempts containing the item that answered it correctly' }) difficulty!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Upper–lower 27 % index' }) discrimination!: number | null;
  @ApiProperty({ nullable: true, type: Number }) pointBiserial!: number | null;
}

export class ItemStatisticsDto implements ItemStatisticsView {
  @ApiProperty({ format: 'uuid' }) paperId!: string;
  @ApiProperty() gradedAttempts!: number;
  @ApiProperty({ description: 'How the figures are computed' }) method!: string;
  @ApiProperty({ type: [ItemStatisticDto] }) items!: ItemStatisticDto[];
}

// ---------------------------------------------------------------- the trainee's exams

/** A paper as a trainee sees it before starting: the rules of sitting it and where they stand. */
export class TraineePaperDto implements TraineePaperView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PAPER_KINDS }) kind!: PaperKind;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() questionCount!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() passMarkPercent!: number;
  @ApiProperty() timeLimitMinutes!: number;
  @ApiProperty({ nullable: true, type: Number }) maxAttempts!: number | null;
  @ApiProperty() attemptsUsed!: number;
  @ApiProperty() cooldownMinutes!: number;
  @ApiProperty({ nullable: true, type: Date, description: 'When the next attempt may start (cooldown); null when now or never' })
  nextAttemptAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) openAttemptId!: string | null;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ enum: REVEAL_POLICIES }) revealAnswers!: RevealPolicy;
}

export class AttemptOptionDto implements StoredOption {
  @ApiProperty({ description: 'Random, never a position' }) id!: string;
  @ApiProperty() text!: string;
}

/** A question of an attempt as the trainee sees it: no key, no grade. */
export class TraineeItemDto implements TraineeItemView {
  @ApiProperty() position!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() stem!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ type: [AttemptOptionDto], description: 'In the order shown' }) options!: AttemptOptionDto[];
  @ApiProperty({ type: [String] }) selectedOptionIds!: string[];
}

/** The answer key of one item, shown only when the paper's review policy allows it. */
export class ReviewItemDto implements ReviewItemView {
  @ApiProperty() position!: number;
  @ApiProperty({ type: [String] }) correctOptionIds!: string[];
  @ApiProperty() correct!: boolean;
  @ApiProperty({ nullable: true, type: String }) explanation!: string | null;
}

export class AttemptResultDto implements AttemptResultView {
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ example: '85.00' }) percent!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty() passMarkPercent!: number;
}

export class TraineeAttemptSummaryDto implements TraineeAttemptSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) paperId!: string;
  @ApiProperty() paperTitle!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() deadlineAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, type: AttemptResultDto }) result!: AttemptResultDto | null;
}

export class TraineeAttemptPageDto extends PageDtoOf(TraineeAttemptSummaryDto) {}

/** An attempt as its trainee sees it: the questions shown, the answers saved, after submission the score. */
export class TraineeAttemptDto implements TraineeAttemptView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) paperId!: string;
  @ApiProperty() paperTitle!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() deadlineAt!: Date;
  @ApiProperty({ description: "Answers are accepted until here (the deadline plus the paper's grace)" }) acceptsAnswersUntil!: Date;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty({ nullable: true, enum: SUBMISSIONS, type: String }) submission!: Submission | null;
  @ApiProperty() questionCount!: number;
  @ApiProperty({ type: [TraineeItemDto] }) items!: TraineeItemDto[];
  @ApiProperty({ nullable: true, type: AttemptResultDto, description: 'After submission: the score. Never per item' })
  result!: AttemptResultDto | null;
  @ApiProperty({
    nullable: true,
    type: [ReviewItemDto],
    description: 'After submission, and only if the paper shows answers for this outcome',
  })
  review!: ReviewItemDto[] | null;
}

export class SavedAnswersDto {
  @ApiProperty({ description: 'Answers saved by this call' }) saved!: number;
  @ApiProperty() savedAt!: Date;
}

// ---------------------------------------------------------------- capability test conclusions

export class ConductedByDto {
  @ApiProperty({ enum: ['organization', 'region'] }) kind!: 'organization' | 'region';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** A capability test's conclusion on a trainee's record. */
export class CapabilityResultDto implements CapabilityResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) attemptId!: string;
  @ApiProperty({ format: 'uuid' }) paperId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ type: ConductedByDto, description: 'Who ran the test' }) conductedBy!: ConductedByDto;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ example: '合格', description: '合格 / 不合格' }) conclusion!: string;
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty({ example: '85.00' }) percent!: string;
  @ApiProperty() concludedAt!: Date;
  @ApiProperty({ example: '2026-03-15', description: 'The date in China Standard Time' }) concludedOn!: string;
}

export class CapabilityResultPageDto extends PageDtoOf(CapabilityResultDto) {}
