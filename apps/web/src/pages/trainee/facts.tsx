import { useI18n } from '../../i18n';
import { PageTitle } from '../../ui/kit';
import { FactsPanel } from '../shared/facts-panel';

/** The trainee's own eligibility facts: upload a scan for each, see how far it has been checked. */
export function MyFactsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('facts.pageTitle')} />
      <FactsPanel traineeId={null} mode="upload" />
    </>
  );
}
