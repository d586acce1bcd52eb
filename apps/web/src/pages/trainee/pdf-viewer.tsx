import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useI18n } from '../../i18n';

// The worker is a file of our own origin (bundled by Vite), so a strict CSP needs no exception.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Shows a lesson PDF page by page with pdf.js, drawn on a canvas; reports the page shown. */
export function PdfViewer({ url, onPage }: { url: string; onPage?: (page: number) => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [page, setPage] = useState(1);
  // The page last drawn completely: the label shows the page asked for as soon as the document has loaded.
  const [drawn, setDrawn] = useState<number>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    const task = getDocument({ url });
    task.promise.then(
      (d) => !cancelled && setDoc(d),
      (err: unknown) => !cancelled && setError(String(err)),
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    void doc.getPage(page).then((p) => {
      if (cancelled || !canvas.current) return;
      const width = Math.min(canvas.current.parentElement?.clientWidth ?? 800, 900);
      const viewport = p.getViewport({ scale: width / p.getViewport({ scale: 1 }).width });
      canvas.current.width = viewport.width;
      canvas.current.height = viewport.height;
      void p.render({ canvas: canvas.current, viewport }).promise.then(() => {
        if (cancelled) return;
        setDrawn(page);
        onPage?.(page);
      });
    });
    return () => {
      cancelled = true;
    };
  }, [doc, page, onPage]);

  if (error) return <p className="alert alert-error">{error}</p>;
  return (
    <div className="pdf-viewer">
      <canvas
        ref={canvas}
        data-testid="pdf-canvas"
        data-drawn-page={drawn}
        aria-busy={drawn !== page}
        aria-label={doc ? t('study.pdfPage', { page: String(page), pages: String(doc.numPages) }) : undefined}
      />
      {doc && (
        <p className="toolbar">
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('study.pdfPrev')}
          </button>{' '}
          <span data-testid="pdf-page">{t('study.pdfPage', { page: String(page), pages: String(doc.numPages) })}</span>{' '}
          <button type="button" className="btn btn-small" disabled={page >= doc.numPages} onClick={() => setPage(page + 1)}>
            {t('study.pdfNext')}
          </button>
        </p>
      )}
    </div>
  );
}
