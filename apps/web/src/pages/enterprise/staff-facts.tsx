import { useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { PageTitle } from '../../ui/kit';
import { FactsPanel } from '../shared/facts-panel';

/** An employee's eligibility facts: the employer confirms the uploaded evidence. */
export function StaffFactsPage() {
  const { traineeId = '' } = useParams();
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('facts.staffTitle')} back="/enterprise/staff" />
      <FactsPanel traineeId={traineeId} mode="confirm" />
    </>
  );
}
