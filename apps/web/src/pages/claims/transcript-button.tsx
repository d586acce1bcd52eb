import { download } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { ErrorBox } from '../../ui/kit';

/** Issues and downloads an hours transcript (学时证明): the trainee's own, or a person's for staff in scope. */
export function TranscriptButton({ path }: { path: string }) {
  const { t } = useI18n();
  const dl = useAction();
  return (
    <>
      <button type="button" className="btn" disabled={dl.busy} onClick={() => dl.run(() => download(path, 'transcript.pdf', 'POST'))}>
        {dl.busy ? t('common.working') : t('transcript.download')}
      </button>
      <ErrorBox error={dl.error} />
    </>
  );
}
