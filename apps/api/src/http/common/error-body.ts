import { ApiProperty } from '@nestjs/swagger';
import { FieldIssue } from '@cqo/core';

class FieldIssueDto implements FieldIssue {
  @ApiProperty({ example: 'idNumber' })
  field!: string;
  @ApiProperty({ example: '身份证号码无效' })
  message!: string;
}

/** The one error body every failure answers with. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine code' })
  code!: string;
  @ApiProperty({ example: '请求数据有误：idNumber', description: 'For people, in Chinese' })
  message!: string;
  @ApiProperty({ type: [FieldIssueDto] })
  details!: FieldIssue[];
  @ApiProperty({ required: false, description: 'On 500 only: quote it to support; it is in the log' })
  errorId?: string;
}
