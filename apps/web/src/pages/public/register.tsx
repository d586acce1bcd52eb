import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { components } from '../../api/schema';

type RegisterBody = components['schemas']['RegisterDto'];
import { useI18n } from '../../i18n';
import { idNumber, maxLength, minLength, numberRange, required, useFieldChecks } from '../../forms/checks';
import { useAction } from '../../ui/hooks';
import { Field, FormError } from '../../ui/kit';
import type { EnterpriseHit } from '../account/employer-search';
import { EmployerSearch } from '../account/employer-search';
import { BackgroundFields } from '../account/background-fields';
import { email, phone, TRAINEE_PASSWORD_MIN } from '../account/profile-fields';

/**
 * 注册: a trainee opens an account. The answer is the same whether or not the person (ID number,
 * phone, e-mail) is already on the platform, so this page only ever says the registration was
 * received; a taken number is sorted out by the enterprise or the city.
 */
export function RegisterPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({
    username: '',
    fullName: '',
    idNumber: '',
    phone: '',
    email: '',
    password: '',
    password2: '',
    educationLevel: '',
    qualityWorkYears: '',
    qualityQualification: '',
  });
  const [employer, setEmployer] = useState<EnterpriseHit | null>(null);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const mismatch = form.password2 !== '' && form.password !== form.password2;
  const checks = useFieldChecks({
    username: { value: form.username, checks: [required(), minLength(3), maxLength(32)] },
    fullName: { value: form.fullName, checks: [required(), maxLength(50)] },
    idNumber: { value: form.idNumber, checks: [required(), idNumber()] },
    phone: { value: form.phone, checks: [required(), phone()] },
    email: { value: form.email, checks: [required(), email()] },
    password: { value: form.password, checks: [required(), minLength(TRAINEE_PASSWORD_MIN)] },
    educationLevel: { value: form.educationLevel, checks: [required(true)] },
    qualityWorkYears: { value: form.qualityWorkYears, checks: [required(), numberRange(0, 60)] },
    qualityQualification: { value: form.qualityQualification, checks: [required(true)] },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checks.validate() || mismatch) return;
    const answer = await run(() =>
      ok(
        typedApi.POST('/auth/register', {
          body: {
            username: form.username.trim(),
            fullName: form.fullName.trim(),
            idNumber: form.idNumber.trim().toUpperCase(),
            phone: form.phone.trim(),
            email: form.email.trim(),
            password: form.password,
            ...(employer ? { enterpriseId: employer.id } : {}),
            // Checked as required above: one of the select's options.
            educationLevel: form.educationLevel as RegisterBody['educationLevel'],
            qualityWorkYears: Number(form.qualityWorkYears),
            qualityQualification: form.qualityQualification as RegisterBody['qualityQualification'],
            relatedSeniorTitle: false,
          },
        }),
      ),
    );
    if (answer) setDone(true);
  };

  if (done) {
    return (
      <section className="card narrow">
        <h1>{t('register.doneTitle')}</h1>
        <p role="status">{t('register.doneText')}</p>
        <Link className="btn btn-primary" to="/login">
          {t('register.toLogin')}
        </Link>
      </section>
    );
  }

  const fieldError = (f: string) => checks.error(f) ?? error?.fieldMessage(f);
  return (
    <section className="card narrow">
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.intro')}</p>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('register.fullName')} error={fieldError('fullName')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="fullName"
              autoComplete="name"
              value={form.fullName}
              onChange={set('fullName')}
              onBlur={checks.blur('fullName')}
            />
          )}
        </Field>
        <Field label={t('register.idNumber')} error={fieldError('idNumber')} hint={t('register.idNumberHint')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="idNumber"
              autoComplete="off"
              maxLength={18}
              value={form.idNumber}
              onChange={set('idNumber')}
              onBlur={checks.blur('idNumber')}
            />
          )}
        </Field>
        <Field label={t('register.phone')} error={fieldError('phone')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="phone"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={11}
              value={form.phone}
              onChange={set('phone')}
              onBlur={checks.blur('phone')}
            />
          )}
        </Field>
        <Field label={t('register.email')} error={fieldError('email')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="email"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
              onBlur={checks.blur('email')}
            />
          )}
        </Field>
        <Field label={t('register.employer')} error={error?.fieldMessage('enterpriseId')} hint={t('register.employerExplain')} wide>
          {(id, d) => <EmployerSearch inputId={id} describedBy={d} value={employer} onChange={setEmployer} />}
        </Field>
        <BackgroundFields values={form} set={set} blur={checks.blur} fieldError={fieldError} choose />
        <Field label={t('register.username')} error={fieldError('username')} hint={t('register.usernameHint')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="username"
              autoComplete="username"
              value={form.username}
              onChange={set('username')}
              onBlur={checks.blur('username')}
            />
          )}
        </Field>
        <Field label={t('register.password')} error={fieldError('password')} hint={t('password.policy', { min: TRAINEE_PASSWORD_MIN })}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
              onBlur={checks.blur('password')}
            />
          )}
        </Field>
        <Field label={t('register.password2')} error={mismatch ? t('password.mismatch') : undefined}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="password2"
              type="password"
              autoComplete="new-password"
              value={form.password2}
              onChange={set('password2')}
            />
          )}
        </Field>
        <div className="field-wide">
          <FormError
            error={error}
            shownFields={[
              'username',
              'fullName',
              'idNumber',
              'phone',
              'email',
              'password',
              'enterpriseId',
              'educationLevel',
              'qualityWorkYears',
              'qualityQualification',
            ]}
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.working') : t('register.submit')}
          </button>{' '}
          <Link to="/login">{t('register.haveAccount')}</Link>
        </div>
      </form>
    </section>
  );
}
