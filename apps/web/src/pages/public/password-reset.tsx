import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import { required, useFieldChecks } from '../../forms/checks';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Field, FormError } from '../../ui/kit';

/** 忘记密码: asks for a reset link; the answer never tells whether the address is registered. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string>();
  const { busy, error, run } = useAction();
  const checks = useFieldChecks({ email: { value: email, checks: [required()] } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checks.validate()) return;
    const res = await run(() => ok(typedApi.POST('/auth/password/forgot', { body: { email: email.trim() } })));
    if (res) setAnswer(res.message);
  };

  return (
    <div className="login">
      <section className="card login-card">
        <h1>{t('forgot.title')}</h1>
        {answer ? (
          <p role="status" className="alert alert-ok">
            {answer}
          </p>
        ) : (
          <>
            <p className="muted">{t('forgot.intro')}</p>
            <form onSubmit={submit} noValidate>
              <Field label={t('forgot.email')} error={checks.error('email') ?? error?.fieldMessage('email')}>
                {(id, d) => (
                  <input
                    id={id}
                    aria-describedby={d}
                    name="email"
                    type="email"
                    autoComplete="email"
                    value={email}
                    onBlur={checks.blur('email')}
                    onChange={(e) => setEmail(e.target.value)}
                    required
                  />
                )}
              </Field>
              <FormError error={error} shownFields={['email']} />
              <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
                {busy ? t('common.working') : t('forgot.submit')}
              </button>
            </form>
          </>
        )}
        <p>
          <Link to="/login">{t('forgot.backToLogin')}</Link>
        </p>
      </section>
    </div>
  );
}

/** 重置密码: the page the mailed link opens; a new password ends every session of the account. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const checks = useFieldChecks({
    newPassword: { value: password, checks: [required()] },
    repeat: { value: repeat, checks: [required()], label: t('reset.repeat') },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checks.validate()) return;
    setMismatch(repeat !== password);
    if (repeat !== password) return;
    const reset = await run(
      async () => (await ok(typedApi.POST('/auth/password/reset', { body: { token, newPassword: password } })), true),
    );
    if (reset) setDone(true);
  };

  return (
    <div className="login">
      <section className="card login-card">
        <h1>{t('reset.title')}</h1>
        {done ? (
          <>
            <p role="status" className="alert alert-ok">
              {t('reset.done')}
            </p>
            <Link className="btn btn-primary" to="/login">
              {t('login.submit')}
            </Link>
          </>
        ) : !token ? (
          <p className="alert alert-error">{t('reset.noToken')}</p>
        ) : (
          <form onSubmit={submit} noValidate>
            <p className="muted">{t('reset.intro')}</p>
            <Field
              label={t('reset.newPassword')}
              error={checks.error('newPassword') ?? error?.fieldMessage('newPassword')}
              hint={t('reset.hint')}
            >
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  name="newPassword"
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onBlur={checks.blur('newPassword')}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
              )}
            </Field>
            <Field label={t('reset.repeat')} error={checks.error('repeat') ?? (mismatch ? t('reset.mismatch') : undefined)}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  name="repeat"
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  onBlur={checks.blur('repeat')}
                  onChange={(e) => setRepeat(e.target.value)}
                  required
                />
              )}
            </Field>
            <FormError error={error} shownFields={['newPassword']} />
            {error?.fieldMessage('token') && (
              <p>
                <Link to="/forgot-password">{t('reset.again')}</Link>
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
              {busy ? t('common.working') : t('reset.submit')}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
