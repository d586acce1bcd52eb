import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, FormError, Loading, PageTitle } from '../../ui/kit';

type Decision = 'claimant_confirmed' | 'claim_rejected';

/**
 * ID-number collisions for enterprise admins, regulators and platform admins (the API scopes the
 * list): registration never says a number is taken, so the people who can check identity papers
 * decide here. Only masked numbers are ever shown.
 */
export function IdCollisionsPage() {
  const { t, dateTime } = useI18n();
  const list = useLoad(() => ok(typedApi.GET('/id-number-collisions')), []);
  const [asking, setAsking] = useState<{ id: string; decision: Decision; name: string } | null>(null);
  const [done, setDone] = useState(false);
  const act = useAction();
  const decide = async () => {
    if (!asking) return;
    const resolved = await act.run(() =>
      ok(
        typedApi.POST('/id-number-collisions/{id}/resolve', { params: { path: { id: asking.id } }, body: { decision: asking.decision } }),
      ).then(() => true),
    );
    if (resolved) {
      setAsking(null);
      setDone(true);
      list.reload();
    }
  };
  return (
    <>
      <PageTitle title={t('collisions.title')} />
      <p className="muted">{t('collisions.intro')}</p>
      {done && (
        <div className="alert alert-ok" role="status">
          {t('collisions.done')}
        </div>
      )}
      <ErrorBox error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>{t('collisions.none')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.map((c) => (
            <li key={c.id} className="card" data-collision={c.id}>
              <h2>
                {t('collisions.idNumber')}：<span className="mono">{c.idNumberMasked}</span>
              </h2>
              <dl className="grid-2">
                <div>
                  <dt>{t('collisions.claimant')}</dt>
                  <dd>
                    {c.claimant.fullName} · {t('collisions.enterprise')}：{c.claimant.enterpriseName ?? t('collisions.noEnterprise')} ·{' '}
                    {t('collisions.at')}：{dateTime(c.createdAt)}
                  </dd>
                </div>
                <div>
                  <dt>{t('collisions.holder')}</dt>
                  <dd>
                    {c.holder.fullName} · {t('collisions.enterprise')}：{c.holder.enterpriseName ?? t('collisions.noEnterprise')}{' '}
                    {c.holder.hasRecords && <Badge tone="warn">{t('collisions.hasRecords')}</Badge>}
                  </dd>
                </div>
              </dl>
              {asking?.id === c.id ? (
                <div className="review-box" role="group">
                  <p>
                    {t(asking.decision === 'claimant_confirmed' ? 'collisions.confirmAsk' : 'collisions.rejectAsk', { name: asking.name })}
                  </p>
                  <FormError error={act.error} />
                  <button type="button" className="btn btn-primary" disabled={act.busy} onClick={decide}>
                    {t('common.yes')}
                  </button>{' '}
                  <button type="button" className="btn" onClick={() => (setAsking(null), act.clear())}>
                    {t('common.no')}
                  </button>
                </div>
              ) : (
                <div className="actions">
                  {!c.holder.hasRecords && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => (setDone(false), setAsking({ id: c.id, decision: 'claimant_confirmed', name: c.claimant.fullName }))}
                    >
                      {t('collisions.confirm')}
                    </button>
                  )}{' '}
                  <button
                    type="button"
                    className="btn"
                    onClick={() => (setDone(false), setAsking({ id: c.id, decision: 'claim_rejected', name: c.claimant.fullName }))}
                  >
                    {t('collisions.reject')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
