import { useState } from 'react';
import { download, fileToBase64, ok, typedApi } from '../../api/client';
import type { FactState, TraineeFact } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, FormError, Loading, Table } from '../../ui/kit';

const STATE_TONE: Record<FactState, 'muted' | 'info' | 'ok'> = {
  self_declared: 'muted',
  enterprise_confirmed: 'info',
  city_verified: 'ok',
};

/** 自述 / 企业已确认 / 监管已核验: a self-declared fact never looks verified. */
export function FactStateBadge({ state }: { state: FactState }) {
  const { label } = useI18n();
  return <Badge tone={STATE_TONE[state]}>{label('facts.state.', state)}</Badge>;
}

/** A fact's value as people read it (the API gives the profile's codes: bachelor, intermediate, true). */
function useFactValueText(): (fact: TraineeFact['fact'], value: string) => string {
  const { t, label } = useI18n();
  return (fact, value) => {
    if (fact === 'education') return label('profile.edu.', value);
    if (fact === 'qualification') return label('profile.qual.', value);
    if (fact === 'title') return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    return value;
  };
}

/**
 * The four eligibility facts (education, quality-work years, qualification, title) with their
 * evidence and state. What a viewer may do depends on who they are: the trainee uploads, the
 * employer confirms, the city verifies — the API decides, this only offers the matching button.
 */
export function FactsPanel({ traineeId, mode }: { traineeId: string | null; mode: 'upload' | 'confirm' | 'verify' }) {
  const { t, dateTime } = useI18n();
  const valueText = useFactValueText();
  const facts = useLoad(
    () =>
      ok(traineeId ? typedApi.GET('/registry/trainees/{traineeId}/facts', { params: { path: { traineeId } } }) : typedApi.GET('/me/facts')),
    [traineeId],
  );
  const act = useAction();
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [done, setDone] = useState<string>();

  const upload = async (f: TraineeFact) => {
    const file = files[f.fact];
    setDone(undefined);
    const r = await act.run(async () =>
      ok(
        typedApi.POST('/me/facts/{fact}/evidence', {
          params: { path: { fact: f.fact } },
          body: { fileName: file?.name ?? '', contentBase64: file ? await fileToBase64(file) : '' },
        }),
      ),
    );
    if (r) {
      setDone(t('facts.uploaded', { fact: f.label }));
      facts.reload();
    }
  };
  const decide = async (f: TraineeFact, step: 'confirm' | 'verify') => {
    setDone(undefined);
    const id = f.evidence!.id;
    const r = await act.run(() =>
      ok(
        step === 'confirm'
          ? typedApi.POST('/registry/fact-evidence/{id}/confirm', { params: { path: { id } } })
          : typedApi.POST('/registry/fact-evidence/{id}/verify', { params: { path: { id } } }),
      ),
    );
    if (r) {
      setDone(t(step === 'confirm' ? 'facts.confirmedNotice' : 'facts.verifiedNotice', { fact: f.label }));
      facts.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="facts-h">
      <h2 id="facts-h">{t('facts.title')}</h2>
      <p className="muted small">{t('facts.explain')}</p>
      <ErrorBox error={facts.error} />
      <FormError error={act.error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      {!facts.data ? (
        <Loading />
      ) : (
        <Table head={[t('facts.fact'), t('facts.value'), t('common.status'), t('facts.evidence'), t('common.actions')]}>
          {facts.data.map((f) => (
            <tr key={f.fact} data-fact={f.fact}>
              <td>{f.label}</td>
              <td className="wrap">{valueText(f.fact, f.value)}</td>
              <td>
                <FactStateBadge state={f.state} />
                {f.evidence?.stale && <div className="small muted">{t('facts.stale')}</div>}
              </td>
              <td className="wrap">
                {f.evidence ? (
                  <>
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => act.run(() => download(`/registry/fact-evidence/${f.evidence!.id}/file`, f.evidence!.fileName))}
                    >
                      {f.evidence.fileName}
                    </button>
                    <div className="small muted">{dateTime(f.evidence.declaredAt)}</div>
                  </>
                ) : (
                  t('facts.noEvidence')
                )}
              </td>
              <td>
                {mode === 'upload' && (
                  <div className="upload-cell">
                    <label className="sr-only" htmlFor={`ev-${f.fact}`}>
                      {t('facts.file', { fact: f.label })}
                    </label>
                    <input
                      id={`ev-${f.fact}`}
                      type="file"
                      accept=".pdf,.jpg,.jpeg,.png"
                      onChange={(e) => setFiles({ ...files, [f.fact]: e.target.files?.[0] ?? null })}
                    />
                    <button type="button" className="btn btn-small" disabled={act.busy || !files[f.fact]} onClick={() => upload(f)}>
                      {t('facts.upload')}
                    </button>
                  </div>
                )}
                {mode === 'confirm' && f.evidence && !f.evidence.stale && f.state === 'self_declared' && (
                  <button type="button" className="btn btn-small btn-primary" disabled={act.busy} onClick={() => decide(f, 'confirm')}>
                    {t('facts.confirm')}
                  </button>
                )}
                {mode === 'verify' && f.evidence && !f.evidence.stale && f.state === 'enterprise_confirmed' && (
                  <button type="button" className="btn btn-small btn-primary" disabled={act.busy} onClick={() => decide(f, 'verify')}>
                    {t('facts.verify')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {mode === 'upload' && <p className="muted small">{t('facts.fileHint')}</p>}
    </section>
  );
}
