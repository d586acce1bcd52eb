import type { FormEvent } from 'react';
import { useState } from 'react';
import { ok, typedApi } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n';
import { maxLength, numberRange, required, useFieldChecks } from '../../forms/checks';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, ErrorBox, Field, FormError, Loading, PageTitle } from '../../ui/kit';
import { FactsPanel } from '../shared/facts-panel';
import type { EnterpriseHit } from './employer-search';
import { EmployerSearch } from './employer-search';
import { BackgroundFields } from './background-fields';
import { phone } from './profile-fields';

type Profile = components['schemas']['TraineeProfileDto'];

/**
 * 个人资料: contact data (ID number and phone only masked; a new phone replaces the old one), the
 * employer, and the four eligibility facts — each with its evidence and verification state, from
 * the same panel as the facts page.
 */
export function ProfilePage() {
  const { t } = useI18n();
  const profile = useLoad(() => ok(typedApi.GET('/me/profile')), []);
  return (
    <>
      <PageTitle title={t('profile.title')} />
      <ErrorBox error={profile.error} />
      {!profile.data ? <Loading /> : <ProfileForm profile={profile.data} onSaved={(p) => profile.set(p)} />}
      <FactsPanel traineeId={null} mode="upload" />
    </>
  );
}

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved(p: Profile): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    fullName: profile.fullName,
    phone: '',
    educationLevel: profile.educationLevel,
    qualityWorkYears: String(profile.qualityWorkYears),
    qualityQualification: profile.qualityQualification,
    relatedSeniorTitle: profile.relatedSeniorTitle,
    titleName: profile.titleName ?? '',
  });
  const current = profile.pendingEnterpriseId ?? profile.enterpriseId;
  const currentName = profile.pendingEnterpriseName ?? profile.enterpriseName;
  const [employer, setEmployer] = useState<EnterpriseHit | null>(
    current ? { id: current, name: currentName ?? '', creditCode: '', regionName: '' } : null,
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const checks = useFieldChecks({
    fullName: { value: form.fullName, checks: [required(), maxLength(50)] },
    phone: { value: form.phone, checks: [phone()] },
    qualityWorkYears: { value: form.qualityWorkYears, checks: [required(), numberRange(0, 60)] },
    titleName: { value: form.titleName, checks: [maxLength(100)] },
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!checks.validate()) return;
    const next = await run(() =>
      ok(
        typedApi.PUT('/me/profile', {
          body: {
            fullName: form.fullName.trim(),
            // Left empty: the stored (masked) number stays.
            ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
            enterpriseId: employer?.id ?? null,
            educationLevel: form.educationLevel,
            qualityWorkYears: Number(form.qualityWorkYears),
            qualityQualification: form.qualityQualification,
            relatedSeniorTitle: form.relatedSeniorTitle,
            titleName: form.titleName.trim() || null,
            yearlyRequirementsOptIn: profile.yearlyRequirementsOptIn,
          },
        }),
      ),
    );
    if (next) {
      onSaved(next);
      setForm((f) => ({ ...f, phone: '' }));
      setSaved(true);
    }
  };
  const fieldError = (f: string) => checks.error(f) ?? error?.fieldMessage(f);
  return (
    <section className="card" aria-labelledby="contact-h">
      <h2 id="contact-h">{t('profile.contact')}</h2>
      <dl className="facts-list">
        <dt>{t('profile.idNumber')}</dt>
        <dd data-testid="id-masked">{profile.idNumberMasked}</dd>
        <dt>{t('profile.phone')}</dt>
        <dd data-testid="phone-masked">{profile.phoneMasked ?? '—'}</dd>
        <dt>{t('profile.employer')}</dt>
        <dd>
          {profile.enterpriseName ?? '—'}
          {profile.pendingEnterpriseName && (
            <>
              {' '}
              <Badge tone="warn">{t('profile.pending', { name: profile.pendingEnterpriseName })}</Badge>
            </>
          )}
        </dd>
      </dl>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label={t('register.fullName')} error={fieldError('fullName')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="fullName"
              value={form.fullName}
              onChange={set('fullName')}
              onBlur={checks.blur('fullName')}
            />
          )}
        </Field>
        <Field label={t('profile.newPhone')} error={fieldError('phone')} hint={t('profile.newPhoneHint')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="phone"
              type="tel"
              inputMode="numeric"
              maxLength={11}
              value={form.phone}
              onChange={set('phone')}
              onBlur={checks.blur('phone')}
            />
          )}
        </Field>
        <Field label={t('register.employer')} error={error?.fieldMessage('enterpriseId')} hint={t('register.employerExplain')} wide>
          {(id, d) => <EmployerSearch inputId={id} describedBy={d} value={employer} onChange={setEmployer} />}
        </Field>
        <BackgroundFields values={form} set={set} blur={checks.blur} fieldError={fieldError} />
        <Field label={t('profile.title.name')} error={fieldError('titleName')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              name="titleName"
              value={form.titleName}
              onChange={set('titleName')}
              onBlur={checks.blur('titleName')}
            />
          )}
        </Field>
        <div className="field">
          <label>
            <input
              type="checkbox"
              name="relatedSeniorTitle"
              checked={form.relatedSeniorTitle}
              onChange={(e) => setForm((f) => ({ ...f, relatedSeniorTitle: e.target.checked }))}
            />{' '}
            {t('profile.seniorTitle')}
          </label>
        </div>
        <div className="field-wide">
          <FormError
            error={error}
            shownFields={['fullName', 'phone', 'enterpriseId', 'educationLevel', 'qualityWorkYears', 'qualityQualification', 'titleName']}
          />
          {saved && (
            <p className="alert alert-ok" role="status">
              {t('profile.saved')}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.working') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
