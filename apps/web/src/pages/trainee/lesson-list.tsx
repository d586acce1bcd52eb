import type { ReactNode } from 'react';
import type { Lesson } from '../../api/types';
import { useI18n } from '../../i18n';

/** The lessons of a course version; `action` adds a control to each (the reviewers' 预览). */
export function LessonList({ lessons, action }: { lessons: Lesson[]; action?: (lesson: Lesson) => ReactNode }) {
  const { t, label, dateTime } = useI18n();
  return (
    <ol className="lesson-list">
      {lessons.map((l) => (
        <li key={l.id}>
          <span className="lesson-title">{l.title}</span>
          <span className="muted small">
            {label('lessonType.', l.type)} · {t('common.minutes', { n: l.minutes })}
            {l.required ? '' : ` · ${t('lesson.optional')}`}
            {l.startsAt ? ` · ${dateTime(l.startsAt)}` : ''}
            {l.venue ? ` · ${l.venue}` : ''}
          </span>
          {action?.(l)}
        </li>
      ))}
    </ol>
  );
}
