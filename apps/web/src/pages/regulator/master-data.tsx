import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { choice, fileToBase64, ok, typedApi } from '../../api/client';
import type { Correction, EnterpriseImport } from '../../api/registry-types';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table } from '../../ui/kit';
import { useFactText } from '../shared/master-data';

/**
 * The official enterprise lists (the regulator's master data): upload a list, read the preview
 * (each bad row named by row and column), apply it in one go; decide the enterprises' correction
 * requests. Each enterprise's history is one click away.
 */
export function EnterpriseListsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('md.listsTitle')} />
      <ImportSection />
      <CorrectionsSection />
    </>
  );
}

function ImportSection() {
  const { t, label, dateTime } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [preview, setPreview] = useState<EnterpriseImport>();
  const [errorPage, setErrorPage] = useState(1);
  const upload = useAction();
  const act = useAction();
  const [page, setPage] = useState(1);
  const imports = useLoad(() => ok(typedApi.GET('/regulators/enterprise-imports', { params: { query: { page, pageSize: 5 } } })), [page]);
  const errors = useLoad(
    () =>
      preview && preview.errorRows > 0
        ? ok(
            typedApi.GET('/regulators/enterprise-imports/{id}/errors', {
              params: { path: { id: preview.id }, query: { page: errorPage, pageSize: 20 } },
            }),
          )
        : Promise.resolve(undefined),
    [preview?.id, preview?.errorRows, errorPage],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPreview(undefined);
    setErrorPage(1);
    const r = await upload.run(async () =>
      ok(
        typedApi.POST('/regulators/enterprise-imports', {
          body: {
            fileName: file?.name ?? '',
            format: file && /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv',
            contentBase64: file ? await fileToBase64(file) : '',
            effectiveOn: effectiveOn || undefined,
          },
        }),
      ),
    );
    if (r) {
      setPreview(r);
      imports.reload();
    }
  };
  const decide = async (step: 'apply' | 'discard') => {
    if (!preview) return;
    const path = { id: preview.id };
    const r = await act.run(() =>
      ok(
        step === 'apply'
          ? typedApi.POST('/regulators/enterprise-imports/{id}/apply', { params: { path } })
          : typedApi.POST('/regulators/enterprise-imports/{id}/discard', { params: { path } }),
      ),
    );
    if (r) {
      setPreview(r);
      imports.reload();
    }
  };

  return (
    <>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <h2 className="field-wide">{t('md.importTitle')}</h2>
        <p className="muted small field-wide">{t('md.importHelp')}</p>
        <Field
          label={t('md.file')}
          hint={t('md.fileHint')}
          error={upload.error?.fieldMessage('file') ?? upload.error?.fieldMessage('contentBase64')}
        >
          {(id, d) => (
            <input id={id} aria-describedby={d} type="file" accept=".csv,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          )}
        </Field>
        <Field label={t('md.effectiveOn')} hint={t('md.effectiveOnHint')} error={upload.error?.fieldMessage('effectiveOn')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
          )}
        </Field>
        <div className="field-wide">
          <FormError error={upload.error} shownFields={['file', 'contentBase64', 'effectiveOn']} />
          <button type="submit" className="btn btn-primary" disabled={upload.busy || !file}>
            {t('md.preview')}
          </button>
        </div>
      </form>
      {preview && (
        <section className="card" aria-labelledby="md-preview">
          <h2 id="md-preview">
            {t('md.previewOf', { name: preview.fileName })}{' '}
            <Badge tone={preview.status === 'applied' ? 'ok' : preview.status === 'discarded' ? 'muted' : 'info'}>
              {label('md.importStatus.', preview.status)}
            </Badge>
          </h2>
          <p data-testid="import-counts">
            {preview.errorRows > 0
              ? t('md.countsWithErrors', { total: preview.totalRows, errors: preview.errorRows })
              : t('md.counts', {
                  total: preview.totalRows,
                  errors: preview.errorRows,
                  create: preview.toCreate,
                  update: preview.toUpdate,
                  same: preview.unchanged,
                })}
          </p>
          <FormError error={act.error} />
          {preview.errorRows > 0 ? (
            <>
              <p className="alert alert-error" role="alert">
                {t('md.fixAndRetry', { n: preview.errorRows })}
              </p>
              <ErrorBox error={errors.error} />
              {errors.data && (
                <>
                  <Table head={[t('md.row'), t('md.column'), t('md.problem')]} caption={t('md.errorsCaption')}>
                    {errors.data.items.map((r, i) => (
                      <tr key={i}>
                        <td className="num">{t('md.rowN', { n: r.row })}</td>
                        <td>{r.column}</td>
                        <td className="wrap">{r.message}</td>
                      </tr>
                    ))}
                  </Table>
                  <Pager page={errorPage} pageSize={errors.data.pageSize} total={errors.data.total} onPage={setErrorPage} />
                </>
              )}
            </>
          ) : preview.status === 'previewed' ? (
            <div className="row-actions">
              <button type="button" className="btn btn-primary" disabled={act.busy} onClick={() => decide('apply')}>
                {t('md.apply')}
              </button>
              <button type="button" className="btn" disabled={act.busy} onClick={() => decide('discard')}>
                {t('md.discard')}
              </button>
            </div>
          ) : preview.status === 'applied' ? (
            <p className="alert alert-ok" role="status">
              {t('md.applied', { at: dateTime(preview.appliedAt) })}
            </p>
          ) : null}
        </section>
      )}
      <section className="card">
        <h2>{t('md.importsTitle')}</h2>
        <ErrorBox error={imports.error} />
        {!imports.data ? (
          <Loading />
        ) : imports.data.items.length === 0 ? (
          <Empty>{t('md.noImports')}</Empty>
        ) : (
          <Table head={[t('md.file'), t('md.effectiveOn'), t('common.status'), t('md.rows')]}>
            {imports.data.items.map((i) => (
              <tr key={i.id}>
                <td className="wrap">
                  {i.fileName}
                  <div className="small muted">{dateTime(i.createdAt)}</div>
                </td>
                <td>{i.effectiveOn}</td>
                <td>
                  <Badge tone={i.status === 'applied' ? 'ok' : 'muted'}>{label('md.importStatus.', i.status)}</Badge>
                </td>
                <td className="wrap">
                  {t('md.countsShort', { total: i.totalRows, errors: i.errorRows, create: i.toCreate, update: i.toUpdate })}
                </td>
              </tr>
            ))}
          </Table>
        )}
        {imports.data && <Pager page={page} pageSize={imports.data.pageSize} total={imports.data.total} onPage={setPage} />}
      </section>
    </>
  );
}

/** Correction requests from enterprises: approve (a new master-data version) or reject, with a reason. */
function CorrectionsSection() {
  const { t, label, dateTime } = useI18n();
  const [status, setStatus] = useState('pending');
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/enterprise-corrections', {
          params: { query: { status: choice<'approved' | 'rejected' | 'pending'>(status), pageSize: 20 } },
        }),
      ),
    [status],
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const decide = useAction();
  const [done, setDone] = useState<string>();
  const text = useFactText();
  const run = async (c: Correction, approve: boolean) => {
    setDone(undefined);
    if (
      await decide.run(() =>
        ok(
          typedApi.POST('/enterprise-corrections/{id}/decision', {
            params: { path: { id: c.id } },
            body: { approve, note: notes[c.id] || undefined },
          }),
        ),
      )
    ) {
      setDone(t(approve ? 'md.approvedNotice' : 'md.rejectedNotice', { name: c.enterpriseName }));
      list.reload();
    }
  };
  return (
    <section className="card">
      <h2>{t('md.correctionsTitle')}</h2>
      <div className="field field-inline">
        <label htmlFor="md-cstatus">{t('common.status')}</label>
        <select id="md-cstatus" value={status} onChange={(e) => setStatus(e.target.value)}>
          {['pending', 'approved', 'rejected'].map((s) => (
            <option key={s} value={s}>
              {label('md.status.', s)}
            </option>
          ))}
        </select>
      </div>
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <FormError error={decide.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('md.noCorrections')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((c) => (
            <li key={c.id} className="card">
              <div className="enrollment-head">
                <strong>
                  <Link to={`/regulator/enterprises/${c.enterpriseId}/history`}>{c.enterpriseName}</Link>
                </strong>
                <Badge tone={c.status === 'approved' ? 'ok' : c.status === 'rejected' ? 'bad' : 'info'}>
                  {label('md.status.', c.status)}
                </Badge>
              </div>
              <p>
                {Object.keys(c.changes)
                  .filter((k) => !k.endsWith('Year'))
                  .map((k) => `${label('md.field.', k)} → ${text(c.changes, k)}`)
                  .join('；')}
              </p>
              <p className="muted small">
                {t('md.reason')}：{c.reason} · {dateTime(c.requestedAt)}
              </p>
              {c.status === 'pending' ? (
                <div className="ack">
                  <Field label={t('md.decisionNote')}>
                    {(id) => <input id={id} value={notes[c.id] ?? ''} onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })} />}
                  </Field>
                  <div className="row-actions">
                    <button type="button" className="btn btn-primary" disabled={decide.busy} onClick={() => run(c, true)}>
                      {t('md.approve')}
                    </button>
                    <button type="button" className="btn" disabled={decide.busy} onClick={() => run(c, false)}>
                      {t('md.reject')}
                    </button>
                  </div>
                </div>
              ) : (
                c.decisionNote && (
                  <p className="small">
                    {t('md.decisionNote')}：{c.decisionNote}
                  </p>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
