import { useId } from 'react';
import { useI18n } from '../i18n';

export interface Bar {
  key: string;
  label: string;
  /** 0..1, or null where there is nothing to divide (a region without enterprises or CQOs): shown as 无数据, not 0%. */
  value: number | null;
  detail?: string;
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Horizontal percentage bars, highest first (regions without data last), with an optional target
 * line. Plain HTML: a list whose rows are buttons when `onSelect` is given (drill-down), so a
 * screen reader reads each row as text and a keyboard reaches each button; the bars themselves
 * are decoration (aria-hidden).
 */
export function BarChart({
  bars,
  title,
  onSelect,
  selected,
  target,
}: {
  bars: Bar[];
  title: string;
  onSelect?(key: string): void;
  selected?: string;
  target?: number;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const sorted = [...bars].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label, 'zh-CN'));
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {target !== undefined && <p className="chart-legend small muted">{t('chart.targetLegend', { target: pct(target) })}</p>}
      {sorted.length === 0 ? (
        <p className="empty">{t('common.empty')}</p>
      ) : (
        <ol className="bars">
          {sorted.map((bar) => {
            const text = bar.value === null ? t('chart.noData') : pct(bar.value);
            const body = (
              <>
                <span className="bar-label">{bar.label}</span>
                <span className="bar-track" aria-hidden="true">
                  {bar.value !== null && <span className="bar-fill" style={{ width: pct(Math.max(0, Math.min(1, bar.value))) }} />}
                  {target !== undefined && <span className="bar-target" style={{ left: pct(target) }} />}
                </span>
                <span className={`bar-value${bar.value === null ? ' bar-nodata' : ''}`}>
                  {text}
                  {bar.detail && <span className="bar-detail"> {bar.detail}</span>}
                </span>
              </>
            );
            return (
              <li key={bar.key} className={`bar-row${selected === bar.key ? ' bar-selected' : ''}`}>
                {onSelect ? (
                  <button
                    type="button"
                    className="bar-button"
                    onClick={() => onSelect(bar.key)}
                    aria-current={selected === bar.key ? 'true' : undefined}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="bar-button">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
