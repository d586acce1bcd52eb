import { useEffect, useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';

export interface EnterpriseHit {
  id: string;
  name: string;
  creditCode: string;
  regionName: string;
}

/**
 * The employer picker of registration and the profile: type part of the name or the start of the
 * credit code, pick one of at most ten hits (the public, rate-limited search).
 */
export function EmployerSearch({
  inputId: id,
  value,
  onChange,
  describedBy,
}: {
  inputId: string;
  value: EnterpriseHit | null;
  onChange(hit: EnterpriseHit | null): void;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<EnterpriseHit[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (q.trim().length < 2) return setHits(null);
    let live = true;
    const timer = setTimeout(() => {
      ok(typedApi.GET('/enterprises/search', { params: { query: { q: q.trim() } } }))
        .then((found) => live && (setHits(found), setFailed(false)))
        .catch(() => live && setFailed(true));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  if (value) {
    return (
      <div className="employer-chosen">
        <span id={id} data-testid="employer-chosen" tabIndex={-1}>
          {value.name}（{value.regionName}）
        </span>{' '}
        <button type="button" className="btn-link" onClick={() => onChange(null)}>
          {t('register.employerChange')}
        </button>
      </div>
    );
  }
  return (
    <div className="employer-search">
      <input
        id={id}
        type="search"
        aria-describedby={describedBy}
        placeholder={t('register.employerHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {failed && <small className="field-error">{t('register.employerSearchFailed')}</small>}
      {hits && hits.length === 0 && <small className="muted">{t('register.employerNone')}</small>}
      {hits && hits.length > 0 && (
        <ul className="employer-hits" aria-label={t('register.employerResults')}>
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="btn btn-small" onClick={() => onChange(h)}>
                {h.name}
              </button>{' '}
              <span className="muted small">
                {h.regionName} · {h.creditCode}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
