import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { landingOf } from '../../nav';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { required, useFieldChecks } from '../../forms/checks';
import { useAction } from '../../ui/hooks';
import { Field, FormError } from '../../ui/kit';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the API asks for the second factor (accounts with TOTP).
  const [totpCode, setTotpCode] = useState('');
  const { busy, error, run } = useAction();
  const askTotp = totpCode !== '' || error?.code === 'TOTP_REQUIRED' || error?.code === 'TOTP_INVALID';
  const checks = useFieldChecks({
    username: { value: username, checks: [required()] },
    password: { value: password, checks: [required()] },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checks.validate()) return;
    const me = await run(() => login(username.trim(), password, totpCode || undefined));
    if (me) {
      const from = (location.state as { from?: string } | null)?.from;
      navigate(me.totpEnrolmentRequired ? landingOf(me) : from && from !== '/login' ? from : landingOf(me), { replace: true });
    }
  };

  return (
    <div className="login">
      <section className="card login-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <form onSubmit={submit} noValidate>
          <Field label={t('login.username')} error={checks.error('username') ?? error?.fieldMessage('username')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                onBlur={checks.blur('username')}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
            )}
          </Field>
          <Field label={t('login.password')} error={checks.error('password') ?? error?.fieldMessage('password')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                onBlur={checks.blur('password')}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            )}
          </Field>
          <p className="small login-forgot">
            <Link to="/forgot-password">{t('forgot.link')}</Link>
          </p>
          {askTotp && (
            <Field label={t('login.totp')} error={error?.fieldMessage('totpCode')}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  name="totpCode"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={totpCode}
                  onChange={(e) => setTotpCode(e.target.value.trim())}
                />
              )}
            </Field>
          )}
          <FormError error={error} shownFields={['username', 'password', 'totpCode']} />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('common.working') : t('login.submit')}
          </button>
        </form>
        <p className="small">
          {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
        </p>
      </section>
      <aside className="card login-side">
        <h2>{t('login.verifyTitle')}</h2>
        <p>{t('login.verifyText')}</p>
        <a className="btn" href="/verify">
          {t('login.verifyLink')}
        </a>
      </aside>
    </div>
  );
}
