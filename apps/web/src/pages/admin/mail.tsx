import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { CaughtMail } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction, useLoad } from '../../ui/hooks';
import { Empty, ErrorBox, Loading, PageTitle, Table } from '../../ui/kit';

/**
 * 邮件: the dead-letter list (addresses the mail server refused for good, not mailed again until
 * removed) and, in development without SMTP, the local catch-all's mail with its plain-text body.
 */
export function MailPage() {
  const { t, dateTime } = useI18n();
  const dead = useLoad(() => ok(typedApi.GET('/admin/mail/dead-letters')), []);
  const caught = useLoad(() => ok(typedApi.GET('/admin/mail/catch-all')), []);
  const [open, setOpen] = useState<CaughtMail>();
  const act = useAction();

  return (
    <>
      <PageTitle title={t('mail.title')} />
      <ErrorBox error={dead.error ?? caught.error ?? act.error} />
      <section className="card">
        <h2>{t('mail.deadLetters')}</h2>
        <p className="muted small">{t('mail.deadLettersIntro')}</p>
        {!dead.data ? (
          <Loading />
        ) : dead.data.length === 0 ? (
          <Empty>{t('mail.noDeadLetters')}</Empty>
        ) : (
          <Table head={[t('mail.address'), t('mail.reason'), t('mail.bounces'), t('mail.lastBounced'), t('common.actions')]}>
            {dead.data.map((d) => (
              <tr key={d.address}>
                <td>{d.address}</td>
                <td>
                  {d.smtpCode ? `${d.smtpCode} ` : ''}
                  {d.reason}
                </td>
                <td>{d.bounces}</td>
                <td>{dateTime(d.lastBouncedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={act.busy}
                    onClick={async () =>
                      (await act.run(
                        async () => (
                          await ok(
                            typedApi.DELETE('/admin/mail/dead-letters/{address}', {
                              params: { path: { address: encodeURIComponent(d.address) } },
                            }),
                          ),
                          true
                        ),
                      )) && dead.reload()
                    }
                  >
                    {t('mail.removeDeadLetter')}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section className="card">
        <h2>{t('mail.catchAll')}</h2>
        <p className="muted small">{t('mail.catchAllIntro')}</p>
        {!caught.data ? (
          <Loading />
        ) : caught.data.length === 0 ? (
          <Empty>{t('mail.noCaught')}</Empty>
        ) : (
          <Table head={[t('mail.receivedAt'), t('mail.to'), t('mail.subject')]}>
            {caught.data.map((m) => (
              <tr key={m.id}>
                <td>{dateTime(m.receivedAt)}</td>
                <td>{m.to}</td>
                <td>
                  <button
                    type="button"
                    className="btn-link"
                    onClick={async () =>
                      setOpen(await act.run(() => ok(typedApi.GET('/admin/mail/catch-all/{id}', { params: { path: { id: m.id } } }))))
                    }
                  >
                    {m.subject || '—'}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
        {open && (
          <article className="card caught-mail" aria-label={open.subject}>
            <h3>{open.subject}</h3>
            <p className="muted small">
              {open.from} → {open.to} · {dateTime(open.receivedAt)}
            </p>
            {/* Plain text only: links stay copyable and no mail HTML runs in the admin's page. */}
            <pre className="pre">{open.text}</pre>
          </article>
        )}
      </section>
    </>
  );
}
