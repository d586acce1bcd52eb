import { useState } from 'react';
import { Upload } from 'tus-js-client';
import { authorizationHeader } from '../../api/client';
import type { LessonContent } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProgressBar } from '../../ui/kit';

/**
 * Uploads a lesson's video or PDF with tus (resumable: a dropped connection resumes from the
 * server's offset; chunks of 8 MiB). The file goes to the organization's library; the lesson
 * points at it when the course is saved. The server checks the type by the bytes.
 */
export function LessonUpload({ kind, current, onUploaded }: { kind: 'video' | 'document'; current: LessonContent | null; onUploaded: (file: LessonContent) => void }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string>();

  const start = (file: File) => {
    setError(undefined);
    setPercent(0);
    const upload = new Upload(file, {
      endpoint: '/content-uploads',
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000],
      headers: authorizationHeader(),
      metadata: { filename: file.name, kind },
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => setPercent(Math.floor((sent / total) * 100)),
      onError: (err) => {
        setPercent(null);
        const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
        try {
          setError((JSON.parse(body ?? '') as { message?: string }).message ?? String(err));
        } catch {
          setError(String(err.message ?? err));
        }
      },
      onSuccess: (payload) => {
        setPercent(null);
        onUploaded(JSON.parse(payload.lastResponse.getBody()) as LessonContent);
      },
    });
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  };

  return (
    <div className="lesson-upload">
      <label className="btn btn-small">
        {t('org.upload')}
        <input
          type="file"
          hidden
          accept={kind === 'video' ? 'video/mp4,video/webm' : 'application/pdf'}
          data-testid="lesson-upload-input"
          onChange={(e) => e.target.files?.[0] && start(e.target.files[0])}
        />
      </label>
      {percent !== null && <ProgressBar value={percent} max={100} label={t('org.uploadProgress', { percent: String(percent) })} />}
      {current && percent === null && <span className="muted small"> {t('org.uploadDone', { name: current.originalName })}</span>}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
