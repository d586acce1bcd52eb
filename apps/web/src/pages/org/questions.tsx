import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { choice, download, fileToBase64, ok, typedApi } from '../../api/client';
import type { QuestionType, Topic } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table } from '../../ui/kit';

const blankOptions = (type: QuestionType) =>
  type === 'true_false'
    ? [
        { text: '正确', correct: true },
        { text: '错误', correct: false },
      ]
    : [0, 1, 2, 3].map(() => ({ text: '', correct: false }));

/** The organization's question bank: list and filter, add a question, import a CSV or XLSX file. */
export function QuestionsPage() {
  const { t, label } = useI18n();
  const [filter, setFilter] = useState({ type: '', category: '', q: '' });
  const [page, setPage] = useState(1);
  const list = useLoad(
    () =>
      ok(
        typedApi.GET('/exam-questions', {
          params: {
            query: {
              type: choice<'single' | 'multiple' | 'true_false'>(filter.type),
              category: filter.category ? (Number(filter.category) as 1 | 2) : undefined,
              q: filter.q || undefined,
              page,
              pageSize: 20,
            },
          },
        }),
      ),
    [filter, page],
  );
  const topics = useLoad(() => ok(typedApi.GET('/topics')), []);
  const [panel, setPanel] = useState<'none' | 'new' | 'import'>('none');
  return (
    <>
      <PageTitle title={t('questions.title')}>
        <button
          type="button"
          className="btn"
          aria-expanded={panel === 'import'}
          onClick={() => setPanel(panel === 'import' ? 'none' : 'import')}
        >
          {t('questions.import')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          aria-expanded={panel === 'new'}
          onClick={() => setPanel(panel === 'new' ? 'none' : 'new')}
        >
          {t('questions.new')}
        </button>
      </PageTitle>
      {panel === 'import' && <ImportPanel onDone={list.reload} />}
      {panel === 'new' && <QuestionForm topics={topics.data ?? []} onSaved={() => (setPanel('none'), list.reload())} />}
      <div className="filters card">
        <div className="field">
          <label htmlFor="qf-q">{t('catalog.search')}</label>
          <input id="qf-q" type="search" value={filter.q} onChange={(e) => (setFilter({ ...filter, q: e.target.value }), setPage(1))} />
        </div>
        <div className="field">
          <label htmlFor="qf-type">{t('questions.type')}</label>
          <select id="qf-type" value={filter.type} onChange={(e) => (setFilter({ ...filter, type: e.target.value }), setPage(1))}>
            <option value="">{t('common.all')}</option>
            {(['single', 'multiple', 'true_false'] as const).map((x) => (
              <option key={x} value={x}>
                {label('questionType.', x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="qf-cat">{t('course.category')}</label>
          <select id="qf-cat" value={filter.category} onChange={(e) => (setFilter({ ...filter, category: e.target.value }), setPage(1))}>
            <option value="">{t('common.all')}</option>
            <option value="1">{t('category.1')}</option>
            <option value="2">{t('category.2')}</option>
          </select>
        </div>
      </div>
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('questions.none')}</Empty>
      ) : (
        <Table head={[t('questions.stem'), t('questions.type'), t('course.category'), t('questions.difficulty'), t('org.version')]}>
          {list.data.items.map((q) => (
            <tr key={q.id}>
              <td className="wrap">
                {q.stem} {q.archived && <Badge>{t('questions.archived')}</Badge>}
              </td>
              <td>{label('questionType.', q.type)}</td>
              <td>{label('category.', q.category)}</td>
              <td className="num">{q.difficulty}</td>
              <td>v{q.version}</td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}

function QuestionForm({ topics, onSaved }: { topics: Topic[]; onSaved(): void }) {
  const { t, label } = useI18n();
  const [type, setType] = useState<QuestionType>('single');
  const [stem, setStem] = useState('');
  const [options, setOptions] = useState(blankOptions('single'));
  const [category, setCategory] = useState('1');
  const [topicCodes, setTopicCodes] = useState<string[]>([]);
  const [difficulty, setDifficulty] = useState('3');
  const [explanation, setExplanation] = useState('');
  const save = useAction();
  const fe = (f: string) => save.error?.fieldMessage(f);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save.run(() =>
      ok(
        typedApi.POST('/exam-questions', {
          body: {
            type,
            stem,
            options,
            category: Number(category) as 1 | 2,
            topics: topicCodes,
            difficulty: Number(difficulty),
            explanation: explanation || null,
          },
        }),
      ),
    );
    if (r) onSaved();
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('questions.new')}</h2>
      <div className="form-grid">
        <Field label={t('questions.type')} error={fe('type')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={type}
              onChange={(e) => (setType(e.target.value as QuestionType), setOptions(blankOptions(e.target.value as QuestionType)))}
            >
              {(['single', 'multiple', 'true_false'] as const).map((x) => (
                <option key={x} value={x}>
                  {label('questionType.', x)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('questions.difficulty')} hint={t('questions.difficultyHint')} error={fe('difficulty')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('questions.stem')} error={fe('stem')} wide>
          {(id, d) => <textarea id={id} aria-describedby={d} value={stem} onChange={(e) => setStem(e.target.value)} />}
        </Field>
        <fieldset className={`field field-wide${fe('options') ? ' field-invalid' : ''}`}>
          <legend>{t('questions.options')}</legend>
          {options.map((o, i) => (
            <div key={i} className="option-edit">
              <input
                type={type === 'multiple' ? 'checkbox' : 'radio'}
                name="correct"
                aria-label={t('questions.correctN', { n: String.fromCharCode(65 + i) })}
                checked={o.correct}
                onChange={(e) =>
                  setOptions(
                    options.map((x, j) => ({ ...x, correct: type === 'multiple' ? (j === i ? e.target.checked : x.correct) : j === i })),
                  )
                }
              />
              <span className="opt-letter">{String.fromCharCode(65 + i)}</span>
              <input
                aria-label={t('questions.optionN', { n: String.fromCharCode(65 + i) })}
                value={o.text}
                readOnly={type === 'true_false'}
                onChange={(e) => setOptions(options.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
              />
            </div>
          ))}
          {type !== 'true_false' && options.length < 8 && (
            <button type="button" className="btn btn-small" onClick={() => setOptions([...options, { text: '', correct: false }])}>
              {t('questions.addOption')}
            </button>
          )}
          {fe('options') && <small className="field-error">{fe('options')}</small>}
        </fieldset>
        <Field label={t('course.category')} error={fe('category')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={category} onChange={(e) => (setCategory(e.target.value), setTopicCodes([]))}>
              <option value="1">{t('category.1')}</option>
              <option value="2">{t('category.2')}</option>
            </select>
          )}
        </Field>
        <Field label={t('course.topics')} hint={t('questions.topicsHint')} error={fe('topics')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              multiple
              value={topicCodes}
              onChange={(e) => setTopicCodes([...e.target.selectedOptions].map((o) => o.value))}
              size={4}
            >
              {topics
                .filter((tp) => String(tp.category) === category)
                .map((tp) => (
                  <option key={tp.code} value={tp.code}>
                    {tp.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('questions.explanation')} error={fe('explanation')} wide>
          {(id, d) => <textarea id={id} aria-describedby={d} value={explanation} onChange={(e) => setExplanation(e.target.value)} />}
        </Field>
      </div>
      <FormError error={save.error} shownFields={['type', 'difficulty', 'stem', 'options', 'category', 'topics', 'explanation']} />
      <button type="submit" className="btn btn-primary" disabled={save.busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

/** Import is all or nothing: a 400 lists every offending cell as rows[<row>].<column>, shown here as a table. */
function ImportPanel({ onDone }: { onDone(): void }) {
  const { t, label } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [result, setResult] = useState<{ dryRun: boolean; rows: number; imported: number }>();
  const { busy, error, run } = useAction();
  const template = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setResult(undefined);
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
    const r = await run(async () =>
      ok(
        typedApi.POST('/exam-questions/import', {
          body: {
            format,
            contentBase64: await fileToBase64(file),
            dryRun,
          },
        }),
      ),
    );
    if (r) {
      setResult(r);
      if (!r.dryRun) onDone();
    }
  };
  const cells = error ? cellErrors(error) : [];
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('questions.import')}</h2>
      <p className="muted small">{t('questions.importHint')}</p>
      <p>
        <button
          type="button"
          className="btn"
          disabled={template.busy}
          onClick={() => template.run(() => download('/exam-questions/import-template', '试题导入模板.xlsx'))}
        >
          {t('questions.template')}
        </button>
      </p>
      <FormError error={template.error} />
      <Field label={t('import.file')}>
        {(id) => (
          <input
            id={id}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <div className="field field-check">
        <input id="dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        <label htmlFor="dry-run">{t('questions.dryRun')}</label>
      </div>
      {error && cells.length === 0 && <FormError error={error} />}
      {cells.length > 0 && (
        <div className="import-report" role="alert">
          <p className="alert alert-error">{t('questions.importErrors', { n: cells.length })}</p>
          <Table head={[t('import.row'), t('questions.column'), t('import.errors')]}>
            {cells.map((c, i) => (
              <tr key={i}>
                <td className="num">{c.row}</td>
                <td>{label('qcol.', c.column)}</td>
                <td>{c.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
      {result && (
        <p className="alert alert-ok" role="status">
          {result.dryRun ? t('questions.dryRunOk', { n: result.rows }) : t('questions.imported', { n: result.imported })}
        </p>
      )}
      <button type="submit" className="btn btn-primary spaced" disabled={busy || !file}>
        {dryRun ? t('questions.check') : t('import.submit')}
      </button>
    </form>
  );
}

function cellErrors(error: ApiError): { row: string; column: string; message: string }[] {
  return error.details.flatMap((d) => {
    const m = /^rows\[(\d+)\]\.?(.*)$/.exec(d.field);
    return m ? [{ row: m[1], column: m[2] || '—', message: d.message }] : [];
  });
}
