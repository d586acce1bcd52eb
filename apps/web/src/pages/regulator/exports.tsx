import { useState } from 'react';
import { download, qs } from '../../api/client';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { FormError, PageTitle } from '../../ui/kit';
import { chinaYear } from '../trainee/requirements';

const LISTS: { list: string; title: MessageKey; text: MessageKey }[] = [
  { list: 'appointments', title: 'exports.appointments', text: 'exports.appointmentsText' },
  { list: 'shortfalls', title: 'exports.shortfalls', text: 'exports.shortfallsText' },
  { list: 'certificates', title: 'exports.certificates', text: 'exports.certificatesText' },
];

/** The regulator's lists as CSV or XLSX files of their region. */
export function ExportsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(chinaYear());
  const dl = useAction();
  return (
    <>
      <PageTitle title={t('exports.title')}>
        <div className="field field-inline">
          <label htmlFor="ex-year">{t('hours.year')}</label>
          <select id="ex-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[chinaYear(), chinaYear() - 1, chinaYear() - 2].map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
      </PageTitle>
      <FormError error={dl.error} />
      <div className="grid-2">
        {LISTS.map((l) => (
          <section key={l.list} className="card">
            <h2>{t(l.title)}</h2>
            <p className="muted">{t(l.text)}</p>
            <div className="row-actions">
              {(['xlsx', 'csv'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="btn"
                  disabled={dl.busy}
                  onClick={() =>
                    dl.run(() => download(`/regulators/exports/${l.list}${qs({ year, format })}`, `${l.list}-${year}.${format}`))
                  }
                >
                  {format === 'xlsx' ? t('exports.xlsx') : t('exports.csv')}
                </button>
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
