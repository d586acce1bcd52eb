import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';

import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Field, FormError, Loading, PageTitle, Pager, Table, toneOf } from '../../ui/kit';
import type { components } from '../../api/schema';

type PaperBody = components['schemas']['PaperDto'];

interface RuleDraft {
  count: string;
  category: string;
  points: string;
}

/** Exam papers: list, create a paper that draws from the bank, publish. */
export function PapersPage() {
  const { t, label, date } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => ok(typedApi.GET('/exam-papers', { params: { query: { page, pageSize: 20 } } })), [page]);
  const [creating, setCreating] = useState(false);
  const publish = useAction();
  return (
    <>
      <PageTitle title={t('papers.title')}>
        <button type="button" className="btn btn-primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          {t('papers.new')}
        </button>
      </PageTitle>
      {creating && <PaperForm onSaved={() => (setCreating(false), list.reload())} />}
      <FormError error={publish.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('papers.none')}</Empty>
      ) : (
        <Table
          head={[
            t('papers.paperTitle'),
            t('papers.kind'),
            t('common.status'),
            t('exam.questions'),
            t('exam.passMark'),
            t('papers.published'),
            t('common.actions'),
          ]}
        >
          {list.data.items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/org/papers/${p.id}`}>{p.title}</Link>
              </td>
              <td>{label('paperKind.', p.kind)}</td>
              <td>
                <Badge tone={toneOf(p.status)}>{label('paperStatus.', p.status)}</Badge>
              </td>
              <td className="num">{p.questionCount}</td>
              <td className="num">{p.passMarkPercent}%</td>
              <td>{date(p.publishedAt)}</td>
              <td>
                {p.status === 'draft' && (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={publish.busy}
                    onClick={async () =>
                      (await publish.run(() => ok(typedApi.POST('/exam-papers/{id}/publish', { params: { path: { id: p.id } } })))) &&
                      list.reload()
                    }
                  >
                    {t('org.publish')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}

function PaperForm({ onSaved }: { onSaved(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    kind: 'course_exam',
    title: '',
    description: '',
    passMarkPercent: '60',
    timeLimitMinutes: '60',
    maxAttempts: '3',
    cooldownMinutes: '0',
    revealAnswers: 'when_passed',
  });
  const [rules, setRules] = useState<RuleDraft[]>([{ count: '10', category: '1', points: '10' }]);
  const save = useAction();
  const fe = (f: string) => save.error?.fieldMessage(f);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save.run(() =>
      ok(
        typedApi.POST('/exam-papers', {
          body: {
            kind: form.kind as PaperBody['kind'],
            title: form.title,
            description: form.description || undefined,
            passMarkPercent: Number(form.passMarkPercent),
            timeLimitMinutes: Number(form.timeLimitMinutes),
            maxAttempts: form.maxAttempts ? Number(form.maxAttempts) : null,
            cooldownMinutes: Number(form.cooldownMinutes || 0),
            revealAnswers: form.revealAnswers as PaperBody['revealAnswers'],
            drawRules: rules.map((r) => ({
              count: Number(r.count),
              category: r.category ? (Number(r.category) as 1 | 2) : undefined,
              points: Number(r.points),
            })),
          },
        }),
      ),
    );
    if (r) onSaved();
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('papers.new')}</h2>
      <div className="form-grid">
        <Field label={t('papers.paperTitle')} error={fe('title')} wide>
          {(id, d) => <input id={id} aria-describedby={d} value={form.title} onChange={set('title')} />}
        </Field>
        <Field label={t('papers.kind')} error={fe('kind')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={form.kind} onChange={set('kind')}>
              <option value="course_exam">{t('paperKind.course_exam')}</option>
              <option value="capability_test">{t('paperKind.capability_test')}</option>
            </select>
          )}
        </Field>
        <Field label={t('papers.reveal')} error={fe('revealAnswers')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={form.revealAnswers} onChange={set('revealAnswers')}>
              <option value="never">{t('reveal.never')}</option>
              <option value="when_passed">{t('reveal.when_passed')}</option>
              <option value="always">{t('reveal.always')}</option>
            </select>
          )}
        </Field>
        <Field label={t('exam.passMark')} hint="%" error={fe('passMarkPercent')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="number"
              min={0}
              max={100}
              value={form.passMarkPercent}
              onChange={set('passMarkPercent')}
            />
          )}
        </Field>
        <Field label={t('papers.timeLimit')} error={fe('timeLimitMinutes')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="number" min={1} value={form.timeLimitMinutes} onChange={set('timeLimitMinutes')} />
          )}
        </Field>
        <Field label={t('papers.maxAttempts')} hint={t('papers.maxAttemptsHint')} error={fe('maxAttempts')}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} value={form.maxAttempts} onChange={set('maxAttempts')} />}
        </Field>
        <Field label={t('papers.cooldown')} error={fe('cooldownMinutes')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} type="number" min={0} value={form.cooldownMinutes} onChange={set('cooldownMinutes')} />
          )}
        </Field>
      </div>
      <h3>{t('papers.drawRules')}</h3>
      {rules.map((r, i) => (
        <div key={i} className="form-grid rule-row">
          <Field label={t('papers.count')} error={fe(`drawRules[${i}].count`)}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="number"
                min={1}
                value={r.count}
                onChange={(e) => setRules(rules.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)))}
              />
            )}
          </Field>
          <Field label={t('course.category')} error={fe(`drawRules[${i}].category`)}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={r.category}
                onChange={(e) => setRules(rules.map((x, j) => (j === i ? { ...x, category: e.target.value } : x)))}
              >
                <option value="">{t('common.all')}</option>
                <option value="1">{t('category.1')}</option>
                <option value="2">{t('category.2')}</option>
              </select>
            )}
          </Field>
          <Field label={t('papers.points')} error={fe(`drawRules[${i}].points`)}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="number"
                min={1}
                value={r.points}
                onChange={(e) => setRules(rules.map((x, j) => (j === i ? { ...x, points: e.target.value } : x)))}
              />
            )}
          </Field>
        </div>
      ))}
      <div className="row-actions">
        <button type="button" className="btn btn-small" onClick={() => setRules([...rules, { count: '5', category: '', points: '10' }])}>
          {t('papers.addRule')}
        </button>
      </div>
      <FormError
        error={save.error}
        shownFields={[
          'title',
          'kind',
          'revealAnswers',
          'passMarkPercent',
          'timeLimitMinutes',
          'maxAttempts',
          'cooldownMinutes',
          'drawRules',
        ]}
      />
      <button type="submit" className="btn btn-primary spaced" disabled={save.busy}>
        {t('papers.saveDraft')}
      </button>
    </form>
  );
}
