import type { ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import { issueText } from '../forms/issue-text';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';

/** A labelled form control; the API's message for this field shows beside it. */
export function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  // Mark the control itself invalid for assistive technology, whatever element the caller rendered.
  useEffect(() => {
    const control = document.getElementById(id);
    if (!control) return;
    if (props.error) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }, [id, props.error]);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}${props.wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={errId} className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/**
 * The error of a whole form: the API's message, and every detail not shown beside a field. When
 * it appears, focus moves to the first field marked invalid (or to this box), so keyboard and
 * screen-reader users land on what to fix.
 */
export function FormError({ error, shownFields = [] }: { error?: ApiError; shownFields?: string[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error || !box.current) return;
    const form = box.current.closest('form');
    const first = form?.querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea');
    const target = first ?? box.current;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }, [error]);
  if (!error) return null;
  const shown = (field: string) => shownFields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
  const rest = error.details.filter((d) => !shown(d.field));
  // When every problem is already written beside its field, say so instead of listing field codes.
  const summary = error.details.length > 0 && rest.length === 0 ? t('error.checkFields') : errorText(error, t);
  return (
    <div className="alert alert-error" role="alert" ref={box} tabIndex={-1}>
      <strong>{summary}</strong>
      {rest.length > 0 && (
        <ul>
          {rest.map((d, i) => (
            <li key={i}>{issueText(d)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function errorText(error: ApiError, t: (key: MessageKey) => string): string {
  if (error.status === 0) return t('error.network');
  // A refused log-in says why (用户名或密码错误); any other 401 is a lapsed session.
  if (error.status === 401) {
    if (error.code === 'BAD_CREDENTIALS') return t('error.badCredentials');
    if (error.code === 'TOTP_REQUIRED') return t('error.totpRequired');
    if (error.code === 'TOTP_INVALID') return t('error.totpInvalid');
    return t('error.unauthorized');
  }
  if (error.status === 403 && !error.message) return t('error.forbidden');
  if (error.status === 429) return t('error.tooMany');
  if (error.status >= 500) return t('error.server');
  return error.message || t('error.generic');
}

export function ErrorBox({ error }: { error?: ApiError }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorText(error, t)}
    </div>
  );
}

// How many Loading placeholders are on screen (the footer waits unseen while any is).
let loadingShown = 0;
const loadingListeners = new Set<() => void>();
const subscribeLoading = (listener: () => void) => {
  loadingListeners.add(listener);
  return () => loadingListeners.delete(listener);
};
function countLoading(delta: number): void {
  loadingShown += delta;
  for (const listener of loadingListeners) listener();
}

/** True while any part of the page shows a Loading placeholder. */
export function useAnyLoading(): boolean {
  return useSyncExternalStore(subscribeLoading, () => loadingShown > 0);
}

export function Loading() {
  const { t } = useI18n();
  // Before paint, so the footer is hidden in the same frame the placeholder appears.
  useLayoutEffect(() => {
    countLoading(1);
    return () => countLoading(-1);
  }, []);
  return (
    <p className="muted" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="empty">{children ?? t('common.empty')}</p>;
}

export function PageTitle({ title, children, back }: { title: string; children?: ReactNode; back?: string }) {
  const { t } = useI18n();
  return (
    <div className="page-title">
      {back && (
        <Link className="back" to={back}>
          ← {t('common.back')}
        </Link>
      )}
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}

/** A horizontal progress bar with its numbers written out (for screen readers too). */
export function ProgressBar({ value, max, label, state }: { value: number; max: number; label: string; state?: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="progress" data-state={state}>
      <div className="progress-label">{label}</div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-label={label}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.prev')}
      </button>
      <span>{t('common.pageOf', { page, pages, total })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

export function Badge({ tone, children }: { tone?: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`badge badge-${tone ?? 'muted'}`}>{children}</span>;
}

const STATE_TONES: Record<string, 'ok' | 'warn' | 'bad' | 'info' | 'muted'> = {
  complete: 'ok',
  completed: 'ok',
  valid: 'ok',
  published: 'ok',
  passed: 'ok',
  serving: 'ok',
  on_track: 'info',
  enrolled: 'info',
  submitted: 'info',
  approved: 'info',
  at_risk: 'warn',
  returned: 'warn',
  draft: 'muted',
  shortfall: 'bad',
  revoked: 'bad',
  failed: 'bad',
};
export const toneOf = (state: string) => STATE_TONES[state] ?? 'muted';

/**
 * A table on a desktop; on a phone (≤ 600 px) each row becomes a card with every cell labelled by
 * its column, so nothing (status included) is hidden off-screen. The labels are copied from the
 * header into `data-label` after each render, for the phone stylesheet to show.
 */
export function Table({ head, children, caption }: { head: ReactNode[]; children: ReactNode; caption?: string }) {
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const el = table.current;
    if (!el) return;
    const labels = [...el.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    for (const row of el.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => cell.setAttribute('data-label', labels[i] ?? ''));
    }
  });
  return (
    <div className="table-wrap" tabIndex={0}>
      <table ref={table} className="cards-on-phone">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Hours as the API writes them ("20.5"), shown without trailing zeros. */
export const hours = (text: string | null | undefined) => (text === null || text === undefined ? '—' : String(Number(text)));
