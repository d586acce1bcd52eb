import { useI18n } from '../../i18n';
import { Field } from '../../ui/kit';
import { EDUCATION_LEVELS, QUALITY_QUALIFICATIONS } from './profile-fields';

type BackgroundField = 'educationLevel' | 'qualityWorkYears' | 'qualityQualification';

/**
 * Education, years of quality work and quality qualification: the same three fields on the
 * registration page (starting empty, so each select offers 请选择) and the profile page.
 */
export function BackgroundFields(props: {
  values: Record<BackgroundField, string>;
  set: (field: BackgroundField) => (e: { target: { value: string } }) => void;
  blur: (field: string) => () => void;
  fieldError: (field: string) => string | undefined;
  /** Offer an empty first choice (a new account has none yet). */
  choose?: boolean;
}) {
  const { t, label } = useI18n();
  const { values, set, blur, fieldError, choose } = props;
  const select =
    (field: 'educationLevel' | 'qualityQualification', choices: readonly string[], prefix: string) =>
    (id: string, d: string | undefined) => (
      <select id={id} aria-describedby={d} name={field} value={values[field]} onChange={set(field)}>
        {choose && <option value="">{t('register.choose')}</option>}
        {choices.map((v) => (
          <option key={v} value={v}>
            {label(prefix, v)}
          </option>
        ))}
      </select>
    );
  return (
    <>
      <Field label={t('register.education')} error={fieldError('educationLevel')}>
        {select('educationLevel', EDUCATION_LEVELS, 'profile.edu.')}
      </Field>
      <Field label={t('register.years')} error={fieldError('qualityWorkYears')}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            name="qualityWorkYears"
            inputMode="decimal"
            value={values.qualityWorkYears}
            onChange={set('qualityWorkYears')}
            onBlur={blur('qualityWorkYears')}
          />
        )}
      </Field>
      <Field label={t('register.qualification')} error={fieldError('qualityQualification')}>
        {select('qualityQualification', QUALITY_QUALIFICATIONS, 'profile.qual.')}
      </Field>
    </>
  );
}
