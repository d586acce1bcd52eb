import { ApiProperty } from '@nestjs/swagger';
import { FieldIssue } from '@cqo/core';

export class FieldIssueDto implements FieldIssue {
  @ApiProperty({ example: 'idNumber' })
  field!: string;
  @ApiProperty({ example: '身份证号不正确，请核对 18 位号码（末位可能是 X）' })
  message!: string;
  @ApiProperty({ required: false, example: '身份证号', description: 'The field as labelled on screen' })
  label?: string;
  @ApiProperty({
    required: false,
    example: 'required',
    description: 'The rule broken (required, maxLength, …), for clients that word it themselves',
  })
  rule?: string;
  @ApiProperty({ required: false, type: Object, example: { max: 100 } })
  params?: Record<string, string | number>;
}

/** The one error body every failure answers with. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine code' })
  code!: string;
  @ApiProperty({ example: '请修改以下内容：身份证号', description: 'For people, in Chinese' })
  message!: string;
  @ApiProperty({ type: [FieldIssueDto] })
  details!: FieldIssue[];
  @ApiProperty({ required: false, description: 'On 500 only: quote it to support; it is in the log' })
  errorId?: string;
}
