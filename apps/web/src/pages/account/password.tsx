import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { minLength, required, useFieldChecks } from '../../forms/checks';
import { useSession } from '../../session';
import { useAction } from '../../ui/hooks';
import { Field, FormError, PageTitle } from '../../ui/kit';
import { TRAINEE_PASSWORD_MIN } from './profile-fields';

/** Staff passwords are held to more (libs/identity password-policy). */
const STAFF_PASSWORD_MIN = 12;

/**
 * 修改密码: the current password is asked; the API ends every other session of the account and
 * gives this one new tokens, so the user stays signed in here.
 */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { me, renew } = useSession();
  const min = me?.role === 'trainee' ? TRAINEE_PASSWORD_MIN : STAFF_PASSWORD_MIN;
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', newPassword2: '' });
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const mismatch = form.newPassword2 !== '' && form.newPassword !== form.newPassword2;
  const checks = useFieldChecks({
    currentPassword: { value: form.currentPassword, checks: [required()] },
    newPassword: { value: form.newPassword, checks: [required(), minLength(min)] },
    newPassword2: { value: form.newPassword2, checks: [required()], label: t('password.repeat') },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!checks.validate() || mismatch) return;
    const answer = await run(() =>
      ok(typedApi.POST('/auth/password', { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } })),
    );
    if (answer) {
      await renew(answer.accessToken);
      setForm({ currentPassword: '', newPassword: '', newPassword2: '' });
      setDone(true);
    }
  };
  const fieldError = (f: string) => checks.error(f) ?? error?.fieldMessage(f);
  return (
    <>
      <PageTitle title={t('password.title')} />
      <section className="card narrow">
        <p className="muted">{t('password.intro')}</p>
        {done && (
          <p className="alert alert-ok" role="status">
            {t('password.done')}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <Field label={t('password.current')} error={fieldError('currentPassword')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                value={form.currentPassword}
                onChange={set('currentPassword')}
                onBlur={checks.blur('currentPassword')}
              />
            )}
          </Field>
          <Field label={t('password.new')} error={fieldError('newPassword')} hint={t('password.policy', { min })}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                name="newPassword"
                type="password"
                autoComplete="new-password"
                value={form.newPassword}
                onChange={set('newPassword')}
                onBlur={checks.blur('newPassword')}
              />
            )}
          </Field>
          <Field label={t('password.repeat')} error={mismatch ? t('password.mismatch') : checks.error('newPassword2')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                name="newPassword2"
                type="password"
                autoComplete="new-password"
                value={form.newPassword2}
                onChange={set('newPassword2')}
                onBlur={checks.blur('newPassword2')}
              />
            )}
          </Field>
          <FormError error={error} shownFields={['currentPassword', 'newPassword']} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.working') : t('password.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
