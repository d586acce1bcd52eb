import type { FormEvent } from 'react';
import { useState } from 'react';
import { fileToBase64, ok, typedApi } from '../../api/client';
import type { ExternalClaim } from '../../api/claims-types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table, hours } from '../../ui/kit';
import { ClaimStatus } from '../claims/claim-status';

const MAX_FILES = 3;
const MAX_BYTES = 3 * 1024 * 1024;

/** Hours earned elsewhere: the claim form (with evidence files) and the trainee's claims. */
export function ClaimsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useLoad(() => ok(typedApi.GET('/me/external-claims', { params: { query: { page, pageSize: 20 } } })), [page]);
  return (
    <>
      <PageTitle title={t('claims.title')}>
        <button type="button" className="btn btn-primary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('claims.new')}
        </button>
      </PageTitle>
      <p className="muted small">{t('claims.intro')}</p>
      {open && <ClaimForm onSaved={() => (setOpen(false), list.reload())} />}
      <section className="card">
        <h2>{t('claims.mine')}</h2>
        <ErrorBox error={list.error} />
        {!list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <Empty>{t('claims.none')}</Empty>
        ) : (
          <ClaimsTable claims={list.data.items} />
        )}
        {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
      </section>
    </>
  );
}

/** The claims as a table; `actions` adds a column (the enterprise's and the city's queues). */
export function ClaimsTable({
  claims,
  showTrainee,
  actions,
}: {
  claims: ExternalClaim[];
  showTrainee?: boolean;
  actions?: (c: ExternalClaim) => React.ReactNode;
}) {
  const { t, label } = useI18n();
  const head = [
    ...(showTrainee ? [t('lookup.fullName')] : []),
    t('claims.training'),
    t('claims.dates'),
    t('course.category'),
    t('hours.hours'),
    t('common.status'),
    ...(actions ? [t('common.actions')] : []),
  ];
  return (
    <Table head={head}>
      {claims.map((c) => (
        <tr key={c.id}>
          {showTrainee && <td>{c.traineeName}</td>}
          <td className="wrap">
            <strong>{c.title}</strong>
            <div className="small muted">{c.organiser}</div>
          </td>
          <td>
            {c.startedOn === c.endedOn ? c.startedOn : `${c.startedOn} – ${c.endedOn}`}
            <div className="small muted">{t('claims.countsIn', { year: c.year })}</div>
          </td>
          <td>
            {label('category.', c.category)} · {label('kind.', c.kind)}
          </td>
          <td className="num">{hours(c.hours)}</td>
          <td>
            <ClaimStatus claim={c} />
          </td>
          {actions && <td>{actions(c)}</td>}
        </tr>
      ))}
    </Table>
  );
}

function ClaimForm({ onSaved }: { onSaved(): void }) {
  const { t, label } = useI18n();
  const topics = useLoad(() => ok(typedApi.GET('/topics')), []);
  const [form, setForm] = useState({ organiser: '', title: '', startedOn: '', endedOn: '', category: '1', kind: 'continuing', hours: '' });
  const [topicCodes, setTopicCodes] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  const save = useAction();
  const fe = (field: string) => save.error?.fieldMessage(field);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const chooseFiles = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    // Checked here for a quick answer; the server decides by the files' bytes.
    if (chosen.length > MAX_FILES) setFileError(t('claims.tooManyFiles', { n: MAX_FILES }));
    else if (chosen.some((f) => f.size > MAX_BYTES)) setFileError(t('claims.fileTooBig', { n: 3 }));
    else setFileError(undefined);
    setFiles(chosen);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fileError) return;
    const r = await save.run(async () =>
      ok(
        typedApi.POST('/me/external-claims', {
          body: {
            ...form,
            // The selects offer only valid values; the API checks them again.
            category: Number(form.category) as ExternalClaim['category'],
            kind: (form.category === '2' ? 'continuing' : form.kind) as ExternalClaim['kind'],
            topicCodes,
            evidence: await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) }))),
          },
        }),
      ),
    );
    if (r) onSaved();
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="claim-form-title">
      <h2 id="claim-form-title">{t('claims.new')}</h2>
      <div className="form-grid">
        <Field label={t('claims.titleField')} error={fe('title')} wide>
          {(id, d) => <input id={id} aria-describedby={d} value={form.title} maxLength={200} onChange={set('title')} />}
        </Field>
        <Field label={t('claims.organiser')} error={fe('organiser')} wide>
          {(id, d) => <input id={id} aria-describedby={d} value={form.organiser} maxLength={200} onChange={set('organiser')} />}
        </Field>
        <Field label={t('claims.startedOn')} error={fe('startedOn')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={form.startedOn} onChange={set('startedOn')} />}
        </Field>
        <Field label={t('claims.endedOn')} hint={t('claims.endedOnHint')} error={fe('endedOn')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={form.endedOn} onChange={set('endedOn')} />}
        </Field>
        <Field label={t('course.category')} error={fe('category')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={form.category}
              onChange={(e) => (setForm({ ...form, category: e.target.value, kind: 'continuing' }), setTopicCodes([]))}
            >
              <option value="1">{t('category.1')}</option>
              <option value="2">{t('category.2')}</option>
            </select>
          )}
        </Field>
        <Field label={t('course.kind')} error={fe('kind')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={form.category === '2' ? 'continuing' : form.kind}
              disabled={form.category === '2'}
              onChange={set('kind')}
            >
              {(['continuing', 'appointment'] as const).map((k) => (
                <option key={k} value={k}>
                  {label('kind.', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('claims.hours')} hint={t('claims.hoursHint')} error={fe('hours')}>
          {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={form.hours} onChange={set('hours')} />}
        </Field>
        <Field label={t('course.topics')} hint={t('questions.topicsHint')} error={fe('topicCodes')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              multiple
              size={4}
              value={topicCodes}
              onChange={(e) => setTopicCodes([...e.target.selectedOptions].map((o) => o.value))}
            >
              {(topics.data ?? [])
                .filter((tp) => String(tp.category) === form.category)
                .map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {tp.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('claims.evidence')} hint={t('claims.evidenceHint', { n: MAX_FILES })} error={fileError ?? fe('evidence')} wide>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="file"
              multiple
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => chooseFiles(e.target.files)}
            />
          )}
        </Field>
      </div>
      <FormError
        error={save.error}
        shownFields={['title', 'organiser', 'startedOn', 'endedOn', 'category', 'kind', 'hours', 'topicCodes', 'evidence']}
      />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {save.busy ? t('common.working') : t('claims.submit')}
      </button>
    </form>
  );
}
