import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction } from '../../ui/hooks';
import { ErrorBox, Loading } from '../../ui/kit';

/** 邮箱验证: the page the verification mail links to; verifies on opening (a single-use link). */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const { me, renew } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [result, setResult] = useState<{ email: string; verified: boolean }>();
  const { error, run } = useAction();
  useEffect(() => {
    if (!token) return;
    void run(() => ok(typedApi.POST('/auth/email/verify', { body: { token } }))).then((r) => {
      setResult(r);
      // The banner reads /auth/me: refresh it when someone is signed in here.
      if (r && me) void renew().catch(() => undefined);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  return (
    <div className="login">
      <section className="card login-card">
        <h1>{t('verifyEmail.title')}</h1>
        {!token ? (
          <p className="alert alert-error">{t('verifyEmail.noToken')}</p>
        ) : error ? (
          <ErrorBox error={error} />
        ) : !result ? (
          <Loading />
        ) : (
          <p role="status" className="alert alert-ok">
            {result.verified ? t('verifyEmail.done', { email: result.email }) : t('verifyEmail.stale', { email: result.email })}
          </p>
        )}
        <Link className="btn" to={me ? '/' : '/login'}>
          {me ? t('verifyEmail.continue') : t('login.submit')}
        </Link>
      </section>
    </div>
  );
}

/** 退订提醒邮件: asks before it acts (mail scanners open links), then turns reminder mail off only. */
export function UnsubscribePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <div className="login">
      <section className="card login-card">
        <h1>{t('unsubscribe.title')}</h1>
        {done ? (
          <p role="status" className="alert alert-ok">
            {t('unsubscribe.done')}
          </p>
        ) : (
          <>
            <p>{t('unsubscribe.intro')}</p>
            <ErrorBox error={error} />
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !token}
              onClick={async () =>
                (await run(async () => (await ok(typedApi.POST('/mail/unsubscribe', { body: { token } })), true))) && setDone(true)
              }
            >
              {t('unsubscribe.confirm')}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
