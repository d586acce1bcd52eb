import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DifficultyBand, IMPORT_MAX_ROWS, ImportFormat, QUESTION_TYPES, QuestionInput, QuestionType, TopicCategory } from '@cqo/exams';
import { PageQueryDto } from '../common/paging.dto';
import { IsBase64File } from '../common/file-upload';

export class QuestionOptionDto {
  @ApiProperty({ example: '企业主要负责人' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiProperty({ description: 'Whether this option is (one of) the right answer(s)' })
  @IsBoolean()
  correct!: boolean;
}

/** A question; an edit (PUT) takes the same body and makes a new version. */
export class QuestionDto implements QuestionInput {
  @ApiProperty({ enum: QUESTION_TYPES, description: 'single 单选 / multiple 多选 / true_false 判断' })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty({ example: '首席质量官一般由谁聘任？' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  stem!: string;

  @ApiProperty({ type: [QuestionOptionDto], description: '2–8 options (true/false: exactly 2); ids are assigned by the server' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(8)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options!: QuestionOptionDto[];

  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2])
  category!: TopicCategory;

  @ApiProperty({ example: ['cqo-system'], description: 'Topic codes (GET /topics) of the category' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(17)
  @IsString({ each: true })
  topics!: string[];

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string', enum: ['easy', 'medium', 'hard'] },
    ],
    example: 3,
  })
  @IsIn([1, 2, 3, 4, 5, 'easy', 'medium', 'hard'])
  difficulty!: number | DifficultyBand;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Shown with the key when the paper reveals answers' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  explanation?: string | null;
}

export class ListQuestionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiPropertyOptional({ enum: [1, 2] })
  @IsOptional()
  @Type(() => Number)
  @IsIn([1, 2])
  category?: TopicCategory;

  @ApiPropertyOptional({ example: 'six-sigma' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  topic?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty?: number;

  @ApiPropertyOptional({ description: 'Part of the stem' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeArchived?: boolean;
}

export class ImportQuestionsDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: ImportFormat;

  @ApiProperty({
    description:
      `The file, base64-encoded (at most ${IMPORT_MAX_ROWS} questions). Header row: 题型, 题干, A…H (options), 答案 (letters, or 对/错 for 判断), ` +
      '类别 (1/2), 知识点 (topic codes separated by ; or ,), 难度 (1–5 or 易/中/难), 解析 (optional); English headers type, stem, answer, category, topics, difficulty, explanation also work.',
  })
  @IsString()
  @IsBase64File()
  @MaxLength(4_800_000)
  contentBase64!: string;

  @ApiPropertyOptional({ default: false, description: 'Check every row without saving' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
