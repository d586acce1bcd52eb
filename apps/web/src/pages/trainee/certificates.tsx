import { useState } from 'react';
import { download, ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle, Pager, toneOf } from '../../ui/kit';
import { chinaYear } from './requirements';

export function CertificatesPage() {
  const { t, label, date } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => ok(typedApi.GET('/me/certificates', { params: { query: { page, pageSize: 20 } } })), [page]);
  const dl = useAction();
  const request = useAction();
  const [requested, setRequested] = useState<number>();
  return (
    <>
      <PageTitle title={t('certs.title')}>
        <button
          type="button"
          className="btn"
          disabled={request.busy}
          onClick={async () => {
            const r = await request.run(() => ok(typedApi.POST('/me/certificates/requests', { body: { year: chinaYear() } })));
            if (r) setRequested(r.year);
          }}
        >
          {t('certs.request')}
        </button>
      </PageTitle>
      {requested !== undefined && (
        <p className="alert alert-ok" role="status">
          {t('certs.requested', { year: requested })}
        </p>
      )}
      <FormError error={request.error ?? dl.error} />
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('certs.none')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((c) => (
            <li key={c.id} className="card cert">
              <div className="enrollment-head">
                <h2>{c.title}</h2>
                <Badge tone={toneOf(c.status)}>{label('certStatus.', c.status)}</Badge>
              </div>
              <dl className="facts facts-inline">
                <dt>{t('cert.serial')}</dt>
                <dd className="mono">{c.serial}</dd>
                <dt>{t('cert.kind')}</dt>
                <dd>{label('certKind.', c.kind)}</dd>
                <dt>{t('cert.issuedOn')}</dt>
                <dd>{date(c.issuedAt)}</dd>
                {c.hours.length > 0 && (
                  <>
                    <dt>{t('cert.hours')}</dt>
                    <dd>{c.hours.join('；')}</dd>
                  </>
                )}
                {c.revocationReason && (
                  <>
                    <dt>{t('cert.revocationReason')}</dt>
                    <dd>{c.revocationReason}</dd>
                  </>
                )}
              </dl>
              <div className="row-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={dl.busy}
                  onClick={() => dl.run(() => download(`/me/certificates/${c.id}/pdf`, `${c.serial}.pdf`))}
                >
                  {t('cert.download')}
                </button>
                <a className="btn" href={c.verifyUrl} target="_blank" rel="noreferrer">
                  {t('cert.verifyPage')}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
