import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One of the seventeen training topics of the notice (DOMAIN.md), seeded by a migration. */
@Entity({ name: 'topics' })
export class TopicEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable slug used in the API, e.g. `six-sigma`. */
  @Index('ux_topics_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  /** 1 (policy and management foundations) or 2 (methods and tools). */
  @Column({ type: 'smallint' })
  category!: number;

  /** The Chinese name as the notice prints it (typo in 文化 corrected). */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  sortOrder!: number;
}
