import type { FormEvent } from 'react';
import { useState } from 'react';
import type { RosterMode, RowReport } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Badge, Field, FormError, Table } from '../../ui/kit';

/** A CSV upload (file or pasted text) with the API's per-row report; used for rosters and sign-in sheets. */
export function CsvImport({
  title,
  hint,
  example,
  send,
  onApplied,
}: {
  title: string;
  hint: string;
  example: string;
  send(csv: string, mode: RosterMode): Promise<RowReport>;
  onApplied?(): void;
}) {
  const { t, label } = useI18n();
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<RosterMode>('valid-rows');
  const [report, setReport] = useState<RowReport>();
  const { busy, error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReport(undefined);
    const r = await run(() => send(csv, mode));
    if (r) {
      setReport(r);
      if (r.applied) onApplied?.();
    }
  };
  return (
    <form onSubmit={submit} noValidate className="csv-import">
      <h3>{title}</h3>
      <p className="muted small">{hint}</p>
      <Field label={t('import.file')}>
        {(id) => (
          <input id={id} type="file" accept=".csv,text/csv" onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? '')} />
        )}
      </Field>
      <Field label={t('import.text')} error={error?.fieldMessage('csv')}>
        {(id, d) => (
          <textarea
            id={id}
            aria-describedby={d}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={example}
            className="mono"
          />
        )}
      </Field>
      <Field label={t('import.mode')}>
        {(id) => (
          <select id={id} value={mode} onChange={(e) => setMode(e.target.value as RosterMode)}>
            <option value="valid-rows">{t('import.validRows')}</option>
            <option value="all-or-nothing">{t('import.allOrNothing')}</option>
          </select>
        )}
      </Field>
      <FormError error={error} shownFields={['csv']} />
      <button type="submit" className="btn btn-primary" disabled={busy || !csv.trim()}>
        {t('import.submit')}
      </button>
      {report && (
        <div className="import-report" aria-live="polite">
          <p className={`alert ${report.applied ? 'alert-ok' : 'alert-warn'}`} role="status">
            {report.applied ? t('import.applied') : t('import.notApplied')} ·{' '}
            {Object.entries(report.summary)
              .map(([k, v]) => `${label('importSummary.', k)} ${v}`)
              .join('，')}
          </p>
          <Table head={[t('import.row'), t('common.status'), t('import.who'), t('import.errors')]}>
            {report.rows.map((r) => (
              <tr key={r.row}>
                <td className="num">{r.row}</td>
                <td>
                  <Badge tone={r.status === 'error' ? 'bad' : r.status === 'not_applied' ? 'warn' : 'ok'}>
                    {label('rowStatus.', r.status)}
                  </Badge>
                </td>
                <td>{('traineeName' in r ? [r.traineeName, r.idNumberMasked].filter(Boolean).join(' ') : '') || '—'}</td>
                <td>{r.errors.map((e) => `${e.field}：${e.message}`).join('；') || '—'}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </form>
  );
}
