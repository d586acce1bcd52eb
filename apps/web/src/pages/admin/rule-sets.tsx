import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { Rule } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, Field, FormError, Loading, PageTitle, Table, hours } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';
import type { components } from '../../api/schema';

type RuleBody = components['schemas']['RuleDto'];

interface DraftRule {
  code: string;
  name: string;
  category: string;
  kind: string;
  minHours: string;
  period: string;
  appliesTo: string;
  atRiskThreshold: string;
}

const toDraft = (r: Rule): DraftRule => ({
  code: r.code,
  name: r.name,
  category: String(r.category),
  kind: r.kind,
  minHours: r.minHours,
  period: r.period,
  appliesTo: r.appliesTo,
  atRiskThreshold: r.atRiskThreshold,
});

/** Hour requirement rule sets (data, not code): the sets in force, and a new set from a copy of one. */
export function RuleSetsPage() {
  const { t, label } = useI18n();
  const sets = useLoad(() => ok(typedApi.GET('/compliance/rule-sets')), []);
  const regions = useLoad(() => ok(typedApi.GET('/regions')), []);
  const [draft, setDraft] = useState<{
    name: string;
    regionId: string;
    firstYear: string;
    applyToCurrentYear: boolean;
    reason: string;
    minutesPerCreditHour: string;
    rules: DraftRule[];
  } | null>(null);
  const save = useAction();
  const regionChoices = (regions.data ?? []).flatMap((p) => [p, ...p.children]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const r = await save.run(() =>
      ok(
        typedApi.POST('/compliance/rule-sets', {
          body: {
            name: draft.name,
            regionId: draft.regionId,
            firstYear: Number(draft.firstYear),
            minutesPerCreditHour: Number(draft.minutesPerCreditHour),
            ...(draft.applyToCurrentYear ? { applyToCurrentYear: true, reason: draft.reason } : {}),
            rules: draft.rules.map((x) => ({
              ...x,
              category: Number(x.category) as RuleBody['category'],
              kind: x.kind as RuleBody['kind'],
              period: x.period as RuleBody['period'],
              appliesTo: x.appliesTo as RuleBody['appliesTo'],
            })),
          },
        }),
      ),
    );
    if (r) {
      setDraft(null);
      sets.reload();
    }
  };
  const setRule = (i: number, key: keyof DraftRule, value: string) =>
    draft && setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, [key]: value } : r)) });
  const fe = (f: string) => save.error?.fieldMessage(f);

  return (
    <>
      <PageTitle title={t('rules.title')} />
      <ErrorBox error={sets.error} />
      {!sets.data ? (
        <Loading />
      ) : (
        sets.data.map((s) => (
          <section key={s.id} className="card">
            <div className="enrollment-head">
              <h2>{s.name}</h2>
              <span>
                {s.effectiveTo === null ? <Badge tone="ok">{t('rules.inForce')}</Badge> : <Badge>{t('rules.closed')}</Badge>}{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    setDraft({
                      name: `${s.name}（新版）`,
                      regionId: s.regionId,
                      firstYear: String(chinaYear() + 1),
                      applyToCurrentYear: false,
                      reason: '',
                      minutesPerCreditHour: String(s.minutesPerCreditHour),
                      rules: s.rules.map(toDraft),
                    })
                  }
                >
                  {t('rules.copy')}
                </button>
              </span>
            </div>
            <p className="muted small">
              {t('rules.scope', { region: s.regionName, from: s.firstYear, to: s.effectiveTo ?? '—', minutes: s.minutesPerCreditHour })}
            </p>
            {s.currentYearReason && <p className="muted small">{t('rules.currentYearReason', { reason: s.currentYearReason })}</p>}
            <Table
              head={[
                t('rules.code'),
                t('common.name'),
                t('course.category'),
                t('course.kind'),
                t('rules.minHours'),
                t('rules.period'),
                t('rules.appliesTo'),
              ]}
            >
              {s.rules.map((r) => (
                <tr key={r.code}>
                  <td className="mono">{r.code}</td>
                  <td>{r.name}</td>
                  <td>{label('category.', r.category)}</td>
                  <td>{label('kind.', r.kind)}</td>
                  <td className="num">{hours(r.minHours)}</td>
                  <td>{label('period.', r.period)}</td>
                  <td>{label('appliesTo.', r.appliesTo)}</td>
                </tr>
              ))}
            </Table>
          </section>
        ))
      )}
      {draft && (
        <form className="card" onSubmit={submit} noValidate>
          <h2>{t('rules.new')}</h2>
          <p className="muted small">{t('rules.newHint')}</p>
          <div className="form-grid">
            <Field label={t('common.name')} error={fe('name')}>
              {(id, d) => (
                <input id={id} aria-describedby={d} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
              )}
            </Field>
            <Field label={t('rules.region')} error={fe('regionId')}>
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
                  value={draft.regionId}
                  onChange={(e) => setDraft({ ...draft, regionId: e.target.value })}
                >
                  {regionChoices.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('rules.firstYear')} hint={t('rules.firstYearHint')} error={fe('firstYear')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="numeric"
                  value={draft.firstYear}
                  onChange={(e) => setDraft({ ...draft, firstYear: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('rules.minutesPerCreditHour')} error={fe('minutesPerCreditHour')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="numeric"
                  value={draft.minutesPerCreditHour}
                  onChange={(e) => setDraft({ ...draft, minutesPerCreditHour: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('rules.applyToCurrentYear')} error={fe('applyToCurrentYear')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  type="checkbox"
                  checked={draft.applyToCurrentYear}
                  onChange={(e) => setDraft({ ...draft, applyToCurrentYear: e.target.checked })}
                />
              )}
            </Field>
            {draft.applyToCurrentYear && (
              <Field label={t('rules.reason')} error={fe('reason')}>
                {(id, d) => (
                  <input
                    id={id}
                    aria-describedby={d}
                    value={draft.reason}
                    onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
                  />
                )}
              </Field>
            )}
          </div>
          {draft.rules.map((r, i) => (
            <fieldset key={i} className="rule-edit">
              <legend>{r.name || r.code}</legend>
              <div className="form-grid">
                <Field label={t('common.name')} error={fe(`rules[${i}].name`)}>
                  {(id, d) => <input id={id} aria-describedby={d} value={r.name} onChange={(e) => setRule(i, 'name', e.target.value)} />}
                </Field>
                <Field label={t('rules.minHours')} error={fe(`rules[${i}].minHours`)}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      inputMode="decimal"
                      value={r.minHours}
                      onChange={(e) => setRule(i, 'minHours', e.target.value)}
                    />
                  )}
                </Field>
                <Field label={t('rules.atRisk')} hint={t('rules.atRiskHint')} error={fe(`rules[${i}].atRiskThreshold`)}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      inputMode="decimal"
                      value={r.atRiskThreshold}
                      onChange={(e) => setRule(i, 'atRiskThreshold', e.target.value)}
                    />
                  )}
                </Field>
                <Field label={t('rules.appliesTo')} error={fe(`rules[${i}].appliesTo`)}>
                  {(id, d) => (
                    <select id={id} aria-describedby={d} value={r.appliesTo} onChange={(e) => setRule(i, 'appliesTo', e.target.value)}>
                      <option value="everyone">{t('appliesTo.everyone')}</option>
                      <option value="serving_and_opted_in">{t('appliesTo.serving_and_opted_in')}</option>
                    </select>
                  )}
                </Field>
              </div>
            </fieldset>
          ))}
          <FormError
            error={save.error}
            shownFields={[
              'name',
              'regionId',
              'firstYear',
              'minutesPerCreditHour',
              'applyToCurrentYear',
              'reason',
              ...draft.rules.flatMap((_, i) => [
                `rules[${i}].name`,
                `rules[${i}].minHours`,
                `rules[${i}].atRiskThreshold`,
                `rules[${i}].appliesTo`,
              ]),
            ]}
          />
          <div className="row-actions">
            <button type="submit" className="btn btn-primary" disabled={save.busy}>
              {t('rules.publish')}
            </button>
            <button type="button" className="btn" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
