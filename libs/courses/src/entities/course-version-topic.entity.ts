import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CourseVersionEntity } from './course-version.entity';
import { TopicEntity } from './topic.entity';

/** The topics a course version names (one or more, all of its category). */
@Entity({ name: 'course_version_topics' })
export class CourseVersionTopicEntity {
  @PrimaryColumn({ type: 'uuid' })
  courseVersionId!: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id', foreignKeyConstraintName: 'fk_course_version_topics_course_version' })
  courseVersion?: Relation<CourseVersionEntity>;

  @Index('ix_course_version_topics_topic_id')
  @PrimaryColumn({ type: 'uuid' })
  topicId!: string;

  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id', foreignKeyConstraintName: 'fk_course_version_topics_topic' })
  topic?: Relation<TopicEntity>;
}
