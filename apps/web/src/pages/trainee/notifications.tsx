import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Empty, ErrorBox, Loading, PageTitle, Pager } from '../../ui/kit';

export function NotificationsPage() {
  const { t, dateTime } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => ok(typedApi.GET('/me/notifications', { params: { query: { unreadOnly, page, pageSize: 20 } } })),
    [unreadOnly, page],
  );
  const mark = useAction();
  return (
    <>
      <PageTitle title={t('notifications.title')}>
        <Link className="btn btn-small" to="/notification-settings">
          {t('notificationSettings.title')}
        </Link>
        <div className="field field-check">
          <input id="unread-only" type="checkbox" checked={unreadOnly} onChange={(e) => (setUnreadOnly(e.target.checked), setPage(1))} />
          <label htmlFor="unread-only">{t('notifications.unreadOnly')}</label>
        </div>
      </PageTitle>
      <ErrorBox error={list.error ?? mark.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('notifications.none')}</Empty>
      ) : (
        <ul className="stack">
          {list.data.items.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? '' : ' unread'}`}>
              <div className="enrollment-head">
                <h2>{n.title}</h2>
                {!n.readAt && <Badge tone="info">{t('notifications.unread')}</Badge>}
              </div>
              <p className="pre">{n.body}</p>
              <div className="row-actions">
                <span className="muted small">{dateTime(n.createdAt)}</span>
                {!n.readAt && (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={mark.busy}
                    onClick={async () =>
                      (await mark.run(() => ok(typedApi.POST('/me/notifications/{id}/read', { params: { path: { id: n.id } } })))) !==
                        undefined && list.reload()
                    }
                  >
                    {t('notifications.markRead')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />}
    </>
  );
}
