import type { ExternalClaim } from '../../api/claims-types';
import { useI18n } from '../../i18n';
import { Badge, hours } from '../../ui/kit';

const TONES = { submitted: 'info', endorsed: 'info', approved: 'ok', rejected: 'bad' } as const;

/** A claim's state, and what was decided (approved hours, the reason for a cut or a rejection). */
export function ClaimStatus({ claim }: { claim: ExternalClaim }) {
  const { t, label } = useI18n();
  return (
    <>
      <Badge tone={TONES[claim.status]}>{label('claimStatus.', claim.status)}</Badge>
      {claim.status === 'approved' && <div className="small">{t('claims.approvedHours', { n: hours(claim.approvedHours) })}</div>}
      {claim.reductionReason && <div className="small muted">{t('claims.reduction', { reason: claim.reductionReason })}</div>}
      {claim.rejectionReason && <div className="small muted">{t('claims.rejection', { reason: claim.rejectionReason })}</div>}
    </>
  );
}
