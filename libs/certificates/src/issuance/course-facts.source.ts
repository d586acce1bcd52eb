import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The printed names of a completed course: its version's title and its organization's name,
 * read by SQL from the tables of the courses and organizations libs.
 */
@Injectable()
export class CourseFactsSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async namesOf(courseVersionId: string, organizationId: string): Promise<{ courseTitle: string; organizationName: string } | null> {
    const rows: { title: string; name: string }[] = await this.dataSource.query(
      `SELECT v.title, o.name
         FROM course_versions v, training_organizations o
        WHERE v.id = $1 AND o.id = $2`,
      [courseVersionId, organizationId],
    );
    return rows[0] ? { courseTitle: rows[0].title, organizationName: rows[0].name } : null;
  }
}
