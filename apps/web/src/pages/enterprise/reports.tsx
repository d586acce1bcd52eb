import type { FormEvent } from 'react';
import { useState } from 'react';
import { download, fileToBase64, ok, typedApi } from '../../api/client';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';
import type { components } from '../../api/schema';

type ReportBody = components['schemas']['EnterpriseReportCreateDto'];
type ReportFile = components['schemas']['ReportFileDto'];

const APPRAISALS = ['excellent', 'competent', 'basically_competent', 'incompetent', 'not_appraised'];

/** The yearly written report to the city bureau: the form, the document, and what was filed before. */
export function EnterpriseReportsPage() {
  const { t, label, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => ok(typedApi.GET('/registry/yearly-reports', { params: { query: { page, pageSize: 10 } } })), [page]);
  const [form, setForm] = useState({
    year: String(chinaYear()),
    cqoInPlace: true,
    appraisalSystemEstablished: true,
    appraisalResult: 'competent',
    majorQualityIncidents: '0',
    summary: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const filing = useAction();
  const dl = useAction();
  const [filed, setFiled] = useState(false);
  const fe = (f: string) => filing.error?.fieldMessage(f);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFiled(false);
    const r = await filing.run(async () =>
      ok(
        typedApi.POST('/registry/yearly-reports', {
          body: {
            year: Number(form.year),
            cqoInPlace: form.cqoInPlace,
            appraisalSystemEstablished: form.appraisalSystemEstablished,
            appraisalResult: form.appraisalResult as ReportBody['appraisalResult'],
            majorQualityIncidents: Number(form.majorQualityIncidents),
            summary: form.summary,
            file: file
              ? {
                  fileName: file.name,
                  contentType: (file.type || 'application/pdf') as ReportFile['contentType'],
                  contentBase64: await fileToBase64(file),
                }
              : // None chosen: the API answers 400 naming `file`, shown under the field.
                (undefined as unknown as ReportFile),
          },
        }),
      ),
    );
    if (r) {
      setFiled(true);
      list.reload();
    }
  };

  return (
    <>
      <PageTitle title={t('ereports.title')} />
      <form className="card form-grid" onSubmit={submit} noValidate>
        <h2 className="field-wide">{t('ereports.file')}</h2>
        <Field label={t('hours.year')} error={fe('year')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="number"
              value={form.year}
              onChange={(e) => setForm({ ...form, year: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('reports.appraisal')} error={fe('appraisalResult')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={form.appraisalResult}
              onChange={(e) => setForm({ ...form, appraisalResult: e.target.value })}
            >
              {APPRAISALS.map((a) => (
                <option key={a} value={a}>
                  {label('appraisal.', a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field-check">
          <input
            id="er-cqo"
            type="checkbox"
            checked={form.cqoInPlace}
            onChange={(e) => setForm({ ...form, cqoInPlace: e.target.checked })}
          />
          <label htmlFor="er-cqo">{t('reports.cqoInPlace')}</label>
        </div>
        <div className="field field-check">
          <input
            id="er-system"
            type="checkbox"
            checked={form.appraisalSystemEstablished}
            onChange={(e) => setForm({ ...form, appraisalSystemEstablished: e.target.checked })}
          />
          <label htmlFor="er-system">{t('ereports.system')}</label>
        </div>
        <Field label={t('reports.incidents')} error={fe('majorQualityIncidents')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="number"
              min={0}
              value={form.majorQualityIncidents}
              onChange={(e) => setForm({ ...form, majorQualityIncidents: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('ereports.document')} hint={t('ereports.documentHint')} error={fe('file')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="file"
              accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label={t('ereports.summary')} error={fe('summary')} wide>
          {(id, d) => (
            <textarea id={id} aria-describedby={d} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
          )}
        </Field>
        <div className="field-wide">
          <FormError error={filing.error} shownFields={['year', 'appraisalResult', 'majorQualityIncidents', 'file', 'summary']} />
          {filed && (
            <p className="alert alert-ok" role="status">
              {t('ereports.filed')}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={filing.busy}>
            {t('ereports.submit')}
          </button>
        </div>
      </form>
      <section className="card">
        <h2>{t('ereports.history')}</h2>
        <FormError error={dl.error} />
        <ErrorBox error={list.error} />
        {!list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <Empty>{t('reports.none')}</Empty>
        ) : (
          <ul className="stack">
            {list.data.items.map((r) => (
              <li key={r.id} className="report-row">
                <strong>{t('reports.yearOf', { year: r.year })}</strong>{' '}
                <Badge tone={r.status === 'acknowledged' ? 'ok' : 'info'}>
                  {r.status === 'acknowledged' ? t('reports.acknowledged') : t('reports.filed')}
                </Badge>
                {r.filedLate && <Badge tone="warn">{t('reports.late')}</Badge>}
                {r.dueOn && <span className="muted small"> {t('reports.dueOn', { date: r.dueOn })}</span>}
                <span className="muted small">
                  {' '}
                  {t('reports.filedAt')} {dateTime(r.filedAt)} · {r.appraisalResultLabel}
                </span>{' '}
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => dl.run(() => download(`/registry/yearly-reports/${r.id}/file`, r.fileName))}
                >
                  {r.fileName}
                </button>
              </li>
            ))}
          </ul>
        )}
        {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
