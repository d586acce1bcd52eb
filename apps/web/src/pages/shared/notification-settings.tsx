import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, Field, FormError, Loading, PageTitle } from '../../ui/kit';

/** 通知设置: the address mail goes to (verified by a link) and which mail a person wants. In-app notices always stay. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const { renew } = useSession();
  const settings = useLoad(() => ok(typedApi.GET('/me/notification-settings')), []);
  const [email, setEmail] = useState('');
  const [reminders, setReminders] = useState(true);
  const [updates, setUpdates] = useState(true);
  const [saved, setSaved] = useState(false);
  const [resent, setResent] = useState(false);
  const save = useAction();
  const resend = useAction();
  useEffect(() => {
    if (!settings.data) return;
    setEmail(settings.data.email ?? '');
    setReminders(settings.data.emailReminders);
    setUpdates(settings.data.emailUpdates);
  }, [settings.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next = await save.run(() =>
      ok(
        typedApi.PUT('/me/notification-settings', {
          body: { email: email.trim() === '' ? null : email.trim(), emailReminders: reminders, emailUpdates: updates },
        }),
      ),
    );
    if (next) {
      settings.set(next);
      setSaved(true);
      void renew().catch(() => undefined);
    }
  };

  if (!settings.data) return settings.error ? <ErrorBox error={settings.error} /> : <Loading />;
  const current = settings.data;
  return (
    <>
      <PageTitle title={t('notificationSettings.title')} back="/notifications" />
      <form className="card stack" onSubmit={submit} noValidate>
        <Field label={t('notificationSettings.email')} error={save.error?.fieldMessage('email')} hint={t('notificationSettings.emailHint')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        {current.email && (
          <p>
            {current.emailVerified ? (
              <Badge tone="ok">{t('notificationSettings.verified')}</Badge>
            ) : (
              <Badge tone="warn">{t('notificationSettings.unverified')}</Badge>
            )}{' '}
            {!current.emailVerified && (
              <button
                type="button"
                className="btn btn-small"
                disabled={resend.busy}
                onClick={async () =>
                  setResent(Boolean(await resend.run(async () => (await ok(typedApi.POST('/me/email/verification')), true))))
                }
              >
                {t('notificationSettings.resend')}
              </button>
            )}
            {resent && <span role="status"> {t('notificationSettings.resent')}</span>}
          </p>
        )}
        <ErrorBox error={resend.error} />
        <fieldset>
          <legend>{t('notificationSettings.mailKinds')}</legend>
          <div className="field field-check">
            <input id="email-reminders" type="checkbox" checked={reminders} onChange={(e) => setReminders(e.target.checked)} />
            <label htmlFor="email-reminders">{t('notificationSettings.reminders')}</label>
          </div>
          <div className="field field-check">
            <input id="email-updates" type="checkbox" checked={updates} onChange={(e) => setUpdates(e.target.checked)} />
            <label htmlFor="email-updates">{t('notificationSettings.updates')}</label>
          </div>
          <p className="muted small">{t('notificationSettings.inAppStays')}</p>
        </fieldset>
        <FormError error={save.error} shownFields={['email']} />
        {saved && (
          <p role="status" className="alert alert-ok">
            {t('notificationSettings.saved')}
          </p>
        )}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.busy}>
            {save.busy ? t('common.working') : t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}
