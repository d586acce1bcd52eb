import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { operations } from '../../api/schema';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager, hours } from '../../ui/kit';

const FILTERS = ['q', 'category', 'topic', 'kind', 'deliveryMode', 'openOnly'] as const;
type CatalogQuery = NonNullable<operations['CoursesController_search']['parameters']['query']>;

/** The URL's filters as the catalog's query (an empty field is no filter). */
function catalogQuery(filter: Record<(typeof FILTERS)[number], string>): CatalogQuery {
  return {
    q: filter.q || undefined,
    category: filter.category ? (Number(filter.category) as CatalogQuery['category']) : undefined,
    topic: filter.topic || undefined,
    kind: (filter.kind || undefined) as CatalogQuery['kind'],
    deliveryMode: (filter.deliveryMode || undefined) as CatalogQuery['deliveryMode'],
    openOnly: filter.openOnly === 'true' || undefined,
  };
}

export function CatalogPage() {
  const { t, label, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [draft, setDraft] = useState(filter);
  const topics = useLoad(() => ok(typedApi.GET('/topics')), []);
  const list = useLoad(
    () => ok(typedApi.GET('/catalog', { params: { query: { ...catalogQuery(filter), page, pageSize: 12 } } })),
    [params.toString()],
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const topicChoices = (topics.data ?? []).filter((tp) => !draft.category || String(tp.category) === draft.category);

  return (
    <>
      <PageTitle title={t('catalog.title')} />
      <form className="filters card" onSubmit={apply} role="search" aria-label={t('catalog.filters')}>
        <div className="field">
          <label htmlFor="f-q">{t('catalog.search')}</label>
          <input id="f-q" type="search" value={draft.q} onChange={set('q')} placeholder={t('catalog.searchHint')} />
        </div>
        <div className="field">
          <label htmlFor="f-category">{t('course.category')}</label>
          <select id="f-category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value, topic: '' })}>
            <option value="">{t('common.all')}</option>
            <option value="1">{t('category.1')}</option>
            <option value="2">{t('category.2')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-topic">{t('course.topic')}</label>
          <select id="f-topic" value={draft.topic} onChange={set('topic')}>
            <option value="">{t('common.all')}</option>
            {topicChoices.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {tp.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('course.kind')}</label>
          <select id="f-kind" value={draft.kind} onChange={set('kind')}>
            <option value="">{t('common.all')}</option>
            <option value="appointment">{t('kind.appointment')}</option>
            <option value="continuing">{t('kind.continuing')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-mode">{t('course.deliveryMode')}</label>
          <select id="f-mode" value={draft.deliveryMode} onChange={set('deliveryMode')}>
            <option value="">{t('common.all')}</option>
            <option value="online">{t('mode.online')}</option>
            <option value="in_person">{t('mode.in_person')}</option>
            <option value="blended">{t('mode.blended')}</option>
          </select>
        </div>
        <div className="field field-check">
          <input
            id="f-open"
            type="checkbox"
            checked={draft.openOnly === 'true'}
            onChange={(e) => setDraft({ ...draft, openOnly: e.target.checked ? 'true' : '' })}
          />
          <label htmlFor="f-open">{t('catalog.openOnly')}</label>
        </div>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary">
            {t('catalog.apply')}
          </button>
        </div>
      </form>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty>{t('catalog.none')}</Empty>
      ) : (
        <ul className="course-grid">
          {list.data?.items.map((c) => (
            <li key={c.id} className="card course-card">
              <div className="course-card-tags">
                <Badge tone="info">{t(`category.${c.category}` as 'category.1')}</Badge>
                <Badge>{label('kind.', c.kind)}</Badge>
                <Badge>{label('mode.', c.deliveryMode)}</Badge>
              </div>
              <h2>
                <Link to={`/courses/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="muted small">{c.organizationName}</p>
              <p className="clamp">{c.description}</p>
              <div className="course-card-foot">
                <span>
                  <strong>{hours(c.creditHours)}</strong> {t('common.hoursUnit')}
                </span>
                <span className="muted small">
                  {c.enrollmentOpen ? t('catalog.open') : t('catalog.closed')}
                  {c.enrollmentClosesAt ? ` · ${t('catalog.closes', { date: date(c.enrollmentClosesAt) })}` : ''}
                  {c.seatsLeft !== null ? ` · ${t('catalog.seatsLeft', { n: c.seatsLeft })}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && (
        <Pager
          page={page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          }}
        />
      )}
    </>
  );
}
