import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AttemptStatus,
  DifficultyBand,
  DrawRuleInput,
  PAPER_KINDS,
  PaperInput,
  PaperKind,
  PaperStatus,
  REVEAL_POLICIES,
  RevealPolicy,
  TopicCategory,
} from '@cqo/exams';
import { PageQueryDto } from '../common/paging.dto';

export class FixedQuestionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  questionId!: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  points?: number;
}

export class DrawRuleDto implements DrawRuleInput {
  @ApiProperty({ minimum: 1, maximum: 200, description: 'How many questions this rule draws' })
  @IsInt()
  @Min(1)
  @Max(200)
  count!: number;

  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @IsIn([1, 2])
  category?: TopicCategory;

  @ApiPropertyOptional({ example: 'six-sigma' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  topic?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'An exact difficulty level' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty?: number;

  @ApiPropertyOptional({ enum: ['easy', 'medium', 'hard'], description: 'A band: easy = 1–2, medium = 3, hard = 4–5' })
  @IsOptional()
  @IsIn(['easy', 'medium', 'hard'])
  difficultyBand?: DifficultyBand;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 100, description: 'Points per drawn question' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  points?: number;
}

export class PaperDto implements PaperInput {
  @ApiProperty({
    enum: PAPER_KINDS,
    description: 'course_exam: a course version names it as its final exam; capability_test: 能力测试, not tied to a course',
  })
  @IsIn(PAPER_KINDS)
  kind!: PaperKind;

  @ApiProperty({ example: '首席质量官任职培训结业考试' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ minimum: 0, maximum: 100, example: 60 })
  @IsInt()
  @Min(0)
  @Max(100)
  passMarkPercent!: number;

  @ApiProperty({ minimum: 1, maximum: 600, example: 60 })
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100, description: 'Omit or null for no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 525600, default: 0, description: 'Minutes between a graded attempt and the next start' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  cooldownMinutes?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 300,
    default: 30,
    description: 'Seconds after the deadline during which answers are still accepted',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(300)
  graceSeconds?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  shuffleQuestions?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  shuffleOptions?: boolean;

  @ApiPropertyOptional({
    enum: REVEAL_POLICIES,
    default: 'never',
    description:
      'After submission the trainee always sees the score; the key is shown never, only for a pass (when_passed), or even for a failure (always)',
  })
  @IsOptional()
  @IsIn(REVEAL_POLICIES)
  revealAnswers?: RevealPolicy;

  @ApiPropertyOptional({ type: [FixedQuestionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FixedQuestionDto)
  fixedQuestions?: FixedQuestionDto[];

  @ApiPropertyOptional({
    type: [DrawRuleDto],
    description: 'Applied in order after the fixed questions; a rule never draws a question already on the paper',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DrawRuleDto)
  drawRules?: DrawRuleDto[];
}

const PAPER_STATUSES: PaperStatus[] = ['draft', 'published', 'archived'];

export class ListPapersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PAPER_STATUSES })
  @IsOptional()
  @IsIn(PAPER_STATUSES)
  status?: PaperStatus;

  @ApiPropertyOptional({ enum: PAPER_KINDS })
  @IsOptional()
  @IsIn(PAPER_KINDS)
  kind?: PaperKind;
}

const ATTEMPT_STATUSES: AttemptStatus[] = ['open', 'submitted'];

export class PaperResultsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES })
  @IsOptional()
  @IsIn(ATTEMPT_STATUSES)
  status?: AttemptStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  passed?: boolean;
}
