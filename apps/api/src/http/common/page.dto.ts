import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@cqo/core';

/**
 * The page of a list (`{items, total, page, pageSize}`) as a response DTO for items of `item`:
 * `export class CoursePageDto extends PageDtoOf(CourseSummaryDto) {}` (the subclass names the
 * schema in the OpenAPI document).
 */
export function PageDtoOf<T>(item: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'Items over all pages' }) total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  return PageDto;
}
