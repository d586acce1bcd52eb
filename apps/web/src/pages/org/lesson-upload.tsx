import { useState } from 'react';
import { Upload } from 'tus-js-client';
import { ApiError, authorizationHeader, fileToBase64, ok, typedApi } from '../../api/client';
import type { ContentPackage, LessonContent } from '../../api/types';
import { useI18n } from '../../i18n';
import { ProgressBar } from '../../ui/kit';

/**
 * Uploads a lesson's video or PDF with tus (resumable: a dropped connection resumes from the
 * server's offset; chunks of 8 MiB). The file goes to the organization's library; the lesson
 * points at it when the course is saved. The server checks the type by the bytes.
 */
export function LessonUpload({
  kind,
  current,
  onUploaded,
}: {
  kind: 'video' | 'document';
  current: LessonContent | null;
  onUploaded: (file: LessonContent) => void;
}) {
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

/**
 * Imports a cmi5 package (cmi5.xml at its root) or a SCORM 1.2/2004 package (imsmanifest.xml) into the organization's library; the
 * lesson names it when the course is saved. The server checks the zip (size, entries, paths,
 * compression) and the course structure, and says what is wrong.
 */
export function PackageUpload({
  current,
  onImported,
}: {
  current: { id: string; title: string } | null;
  onImported: (p: ContentPackage) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [imported, setImported] = useState<ContentPackage>();

  const start = async (file: File) => {
    setError(undefined);
    setBusy(true);
    try {
      const contentBase64 = await fileToBase64(file);
      const p = await ok(typedApi.POST('/content-packages', { body: { fileName: file.name, contentBase64 } }));
      setImported(p);
      onImported(p);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lesson-upload">
      <label className="btn btn-small">
        {t('org.upload')}
        <input
          type="file"
          hidden
          accept=".zip,application/zip"
          data-testid="package-upload-input"
          disabled={busy}
          onChange={(e) => e.target.files?.[0] && void start(e.target.files[0])}
        />
      </label>
      {imported ? (
        <span className="muted small" data-testid="package-imported">
          {' '}
          {t('org.packageImported', { title: imported.title, count: String(imported.fileCount) })}
        </span>
      ) : current ? (
        <span className="muted small" data-testid="package-imported">
          {' '}
          {t('org.packageImported', { title: current.title || current.id.slice(0, 8), count: '—' })}
        </span>
      ) : null}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
