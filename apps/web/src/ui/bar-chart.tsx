import { useI18n } from '../i18n';

export interface Bar {
  key: string;
  label: string;
  /** 0..1 */
  value: number;
  detail?: string;
}

/**
 * Horizontal percentage bars drawn in SVG, one row per region. Rows are buttons when `onSelect`
 * is given (drill-down). Wide labels wrap into the left column; the chart scales to its box.
 */
export function BarChart({ bars, title, onSelect, selected }: { bars: Bar[]; title: string; onSelect?(key: string): void; selected?: string }) {
  const { t } = useI18n();
  // About as wide as a phone in CSS pixels, so the text stays legible there; it scales up on a desktop.
  const rowH = 28;
  const labelW = 100;
  const chartW = 190;
  const valueW = 46;
  const width = labelW + chartW + valueW;
  const height = Math.max(rowH, bars.length * rowH) + 24;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {[0, 0.5, 1].map((g) => (
          <g key={g}>
            <line x1={labelW + g * chartW} x2={labelW + g * chartW} y1={0} y2={height - 20} className="chart-grid" />
            <text x={labelW + g * chartW} y={height - 6} className="chart-axis" textAnchor="middle">
              {Math.round(g * 100)}%
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = i * rowH;
          const w = Math.max(0, Math.min(1, bar.value)) * chartW;
          const interactive = Boolean(onSelect);
          return (
            <g
              key={bar.key}
              className={`chart-row${interactive ? ' chart-row-link' : ''}${selected === bar.key ? ' chart-row-selected' : ''}`}
              transform={`translate(0 ${y})`}
              role={interactive ? 'button' : undefined}
              tabIndex={interactive ? 0 : undefined}
              aria-label={`${bar.label} ${Math.round(bar.value * 100)}%${bar.detail ? ` (${bar.detail})` : ''}`}
              onClick={interactive ? () => onSelect?.(bar.key) : undefined}
              onKeyDown={interactive ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect?.(bar.key)) : undefined}
            >
              <text x={labelW - 8} y={rowH / 2 + 5} textAnchor="end" className="chart-label">
                {bar.label.length > 7 ? `${bar.label.slice(0, 6)}…` : bar.label}
              </text>
              <rect x={labelW} y={6} width={chartW} height={rowH - 12} className="chart-track" rx={3} />
              <rect x={labelW} y={6} width={w} height={rowH - 12} className="chart-bar" rx={3} />
              <text x={labelW + chartW + 6} y={rowH / 2 + 5} className="chart-value">
                {Math.round(bar.value * 100)}%
              </text>
              <title>{`${bar.label}: ${Math.round(bar.value * 100)}%${bar.detail ? ` — ${bar.detail}` : ''}`}</title>
            </g>
          );
        })}
        {bars.length === 0 && (
          <text x={width / 2} y={rowH / 2 + 5} textAnchor="middle" className="chart-axis">
            {t('common.empty')}
          </text>
        )}
      </svg>
    </figure>
  );
}
