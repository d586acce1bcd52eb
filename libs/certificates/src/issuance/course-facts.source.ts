import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { courseNamesOf } from '@cqo/courses';

/**
 * The printed names of a completed course: its version's title and its organization's name,
 * read through the courses lib's public reads.
 */
@Injectable()
export class CourseFactsSource {
  constructor(private readonly dataSource: DataSource) {}

  async namesOf(courseVersionId: string, organizationId: string): Promise<{ courseTitle: string; organizationName: string } | null> {
    return courseNamesOf(this.dataSource, courseVersionId, organizationId);
  }
}
