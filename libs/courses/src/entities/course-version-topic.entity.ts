import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CourseVersionEntity } from './course-version.entity';
import { TopicEntity } from './topic.entity';

/** The topics a course version names (one or more, all of its category). */
@Entity({ name: 'course_version_topics' })
export class CourseVersionTopicEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => CourseVersionEntity, { onDelete: 'CASCADE', name: 'fk_course_version_topics_course_version' })
  courseVersionId!: string;

  @Index('ix_course_version_topics_topic_id')
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => TopicEntity, { onDelete: 'RESTRICT', name: 'fk_course_version_topics_topic' })
  topicId!: string;
}
