import { lazy, Suspense, useState } from 'react';
import type { ApiError } from '../../api/client';
import { ok, typedApi } from '../../api/client';
import type { Lesson, LessonPreview } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorBox, Loading } from '../../ui/kit';
import { LessonList } from '../trainee/lesson-list';

// pdf.js only when a document is previewed (as in the study page).
const PdfViewer = lazy(() => import('../trainee/pdf-viewer').then((m) => ({ default: m.PdfViewer })));

/**
 * A course version's lessons with a 预览 button each (not for live sessions), for the version's org
 * admin and the reviewing platform admin: the lesson opens below the list as a trainee would see
 * it — video, PDF, or a SCORM/cmi5 package in a sandboxed frame — and nothing is recorded.
 */
export function PreviewableLessons({ versionId, lessons }: { versionId: string; lessons: Lesson[] }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<LessonPreview>();
  const [error, setError] = useState<ApiError>();

  const open = async (lessonId: string, itemId?: string) => {
    try {
      setError(undefined);
      setShown(
        await ok(
          typedApi.POST('/course-versions/{versionId}/lessons/{lessonId}/preview', {
            params: { path: { versionId, lessonId } },
            body: itemId === undefined ? {} : { itemId },
          }),
        ),
      );
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <>
      <LessonList
        lessons={lessons}
        action={(l) =>
          l.type === 'live_session' ? null : (
            <button type="button" className="btn btn-small" aria-label={`${t('preview.open')}：${l.title}`} onClick={() => void open(l.id)}>
              {t('preview.open')}
            </button>
          )
        }
      />
      <ErrorBox error={error} />
      {shown && (
        <section className="card" data-testid="lesson-preview" aria-label={t('preview.title', { title: shown.title })}>
          <h3>{t('preview.title', { title: shown.title })}</h3>
          <p className="muted small">{t('preview.note')}</p>
          {shown.items.length > 1 && (
            <p>
              {shown.items.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  className={`btn btn-small${item.id === shown.itemId ? ' btn-primary' : ''}`}
                  aria-pressed={item.id === shown.itemId}
                  onClick={() => void open(shown.lessonId, item.id)}
                >
                  {item.title}
                </button>
              ))}
            </p>
          )}
          {shown.kind === 'link' ? (
            <a href={shown.url} target="_blank" rel="noreferrer noopener">
              {t('preview.openLink')}
            </a>
          ) : shown.kind === 'file' && shown.mimeType?.startsWith('video/') ? (
            <video key={shown.url} src={shown.url} controls preload="metadata" className="lesson-video" data-testid="preview-video" />
          ) : shown.kind === 'file' ? (
            <Suspense fallback={<Loading />}>
              <PdfViewer key={shown.url} url={shown.url} />
            </Suspense>
          ) : (
            <iframe
              key={shown.url}
              className="cmi5-frame"
              data-testid="preview-frame"
              title={t('preview.title', { title: shown.title })}
              src={shown.url}
              sandbox="allow-scripts allow-forms"
            />
          )}
          <p>
            <button type="button" className="btn" onClick={() => setShown(undefined)}>
              {t('preview.close')}
            </button>
          </p>
        </section>
      )}
    </>
  );
}
