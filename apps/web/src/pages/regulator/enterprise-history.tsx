import { useParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useLoad } from '../../ui/hooks';
import { Empty, ErrorBox, Loading, PageTitle } from '../../ui/kit';
import { EnterpriseFacts, MasterHistory } from '../shared/master-data';

/** One enterprise's master data now and every change to it (who, when, from which file). */
export function EnterpriseHistoryPage() {
  const { enterpriseId = '' } = useParams();
  const { t } = useI18n();
  const enterprise = useLoad(() => ok(typedApi.GET('/enterprises/{id}', { params: { path: { id: enterpriseId } } })), [enterpriseId]);
  const history = useLoad(() => ok(typedApi.GET('/enterprises/{id}/history', { params: { path: { id: enterpriseId } } })), [enterpriseId]);
  const e = enterprise.data;
  return (
    <>
      <PageTitle title={e?.name ?? t('md.history')} back="/regulator/master-data" />
      <ErrorBox error={enterprise.error ?? history.error} />
      {e && (
        <section className="card">
          <EnterpriseFacts enterprise={e} />
        </section>
      )}
      <section className="card">
        <h2>{t('md.history')}</h2>
        {!history.data ? <Loading /> : history.data.length === 0 ? <Empty /> : <MasterHistory versions={history.data} />}
      </section>
    </>
  );
}
