import { Fragment } from 'react';
import type { AwardStanding, EnterpriseMasterData, MasterVersion } from '../../api/registry-types';
import { useI18n } from '../../i18n';
import { Table } from '../../ui/kit';

/** The target facts a list (or a correction) may change, in the notice's order. */
export const FACT_FIELDS = [
  'stateOwned',
  'aboveDesignatedSize',
  'production',
  'chinaQualityAward',
  'provincialQualityAward',
  'cityQualityAward',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];
export const AWARD_FIELDS = ['chinaQualityAward', 'provincialQualityAward', 'cityQualityAward'] as const;

/** One fact as text: 是/否, or an award standing with its year (获奖 2021). */
export function useFactText() {
  const { t, label } = useI18n();
  return (facts: Partial<EnterpriseMasterData>, field: string): string => {
    const v = (facts as Record<string, unknown>)[field];
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field.endsWith('Award')) {
      const year = (facts as Record<string, unknown>)[`${field}Year`];
      return `${label('award.', v as AwardStanding)}${year ? ` ${String(year)}` : ''}`;
    }
    return v === null || v === undefined ? '—' : String(v);
  };
}

/** An enterprise's credit code, region and target facts, as the official list has them. */
export function EnterpriseFacts({ enterprise }: { enterprise: EnterpriseMasterData }) {
  const { t, label } = useI18n();
  const text = useFactText();
  return (
    <dl className="facts">
      <dt>{t('md.creditCode')}</dt>
      <dd className="mono">{enterprise.creditCode}</dd>
      <dt>{t('dash.region')}</dt>
      <dd>{enterprise.regionName}</dd>
      {FACT_FIELDS.map((f) => (
        <Fragment key={f}>
          <dt>{label('md.field.', f)}</dt>
          <dd>{text(enterprise, f)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Every change to an enterprise's target facts: when, what, from which file or correction, by whom. */
export function MasterHistory({ versions }: { versions: MasterVersion[] }) {
  const { t, label, dateTime } = useI18n();
  const text = useFactText();
  return (
    <Table head={[t('md.effectiveOn'), t('md.changed'), t('md.source'), t('md.by')]}>
      {versions.map((v) => (
        <tr key={v.id}>
          <td>{v.effectiveOn}</td>
          <td className="wrap">
            {v.changedFields.length === 0
              ? t('md.firstVersion')
              : v.changedFields
                  .map(
                    (f) =>
                      `${label('md.field.', f)}：${f === 'name' || f === 'regionId' ? String((v as unknown as Record<string, unknown>)[f] ?? '') : text(v, f.replace(/Year$/, ''))}`,
                  )
                  .join('；')}
          </td>
          <td className="wrap">
            {label('md.source.', v.source)}
            {v.sourceFile ? ` · ${v.sourceFile}` : ''}
          </td>
          <td className="wrap">
            {v.changedByName ?? '—'}
            <div className="small muted">{dateTime(v.recordedAt)}</div>
          </td>
        </tr>
      ))}
    </Table>
  );
}
