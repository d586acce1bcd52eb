import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CommonErrors } from '@cqo/core';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) throw CommonErrors.validationFailed([{ field: metadata.data ?? 'id', message: '必须是有效的 ID' }]);
    return value;
  }
}
