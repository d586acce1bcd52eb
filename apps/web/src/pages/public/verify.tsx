import { FormEvent, useState } from 'react';
import { api, qs } from '../../api/client';
import type { PublicVerification } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAction } from '../../ui/hooks';
import { Badge, Field, FormError, toneOf } from '../../ui/kit';

/**
 * Verify a certificate by its serial and the holder's ID number's last four characters (no log-in).
 * The QR code on a certificate leads to the API's own page /verify/<token>, not here.
 */
export function VerifyBySerialPage() {
  const { t, label } = useI18n();
  const [serial, setSerial] = useState('');
  const [idLast4, setIdLast4] = useState('');
  const [result, setResult] = useState<PublicVerification>();
  const { busy, error, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(undefined);
    const answer = await run(() => api.get<PublicVerification>(`/certificates/verify${qs({ serial: serial.trim(), idLast4: idLast4.trim() })}`));
    if (answer) setResult(answer);
  };

  return (
    <div className="narrow">
      <h1>{t('verify.title')}</h1>
      <p className="muted">{t('verify.intro')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <Field label={t('verify.serial')} error={error?.fieldMessage('serial')}>
          {(id, d) => <input id={id} aria-describedby={d} name="serial" value={serial} onChange={(e) => setSerial(e.target.value)} autoComplete="off" required />}
        </Field>
        <Field label={t('verify.idLast4')} hint={t('verify.idLast4Hint')} error={error?.fieldMessage('idLast4')}>
          {(id, d) => (
            <input id={id} aria-describedby={d} name="idLast4" value={idLast4} onChange={(e) => setIdLast4(e.target.value)} inputMode="text" maxLength={4} autoComplete="off" required />
          )}
        </Field>
        <FormError error={error} shownFields={['serial', 'idLast4']} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.working') : t('verify.submit')}
        </button>
      </form>
      {result && (
        <section className={`card verify-result verify-${result.status}`} aria-live="polite" data-testid="verify-result">
          <h2>
            <Badge tone={result.status === 'unknown' ? 'bad' : toneOf(result.status)}>{label('certStatus.', result.status)}</Badge>
          </h2>
          {result.status === 'unknown' ? (
            <p>{t('verify.unknown')}</p>
          ) : (
            <dl className="facts">
              <dt>{t('cert.serial')}</dt>
              <dd>{result.serial}</dd>
              <dt>{t('cert.title')}</dt>
              <dd>{result.title}</dd>
              <dt>{t('cert.holder')}</dt>
              <dd>{result.holderName}</dd>
              {result.subject && (
                <>
                  <dt>{t('cert.subject')}</dt>
                  <dd>{result.subject}</dd>
                </>
              )}
              {result.hours.length > 0 && (
                <>
                  <dt>{t('cert.hours')}</dt>
                  <dd>{result.hours.join('；')}</dd>
                </>
              )}
              <dt>{t('cert.issuer')}</dt>
              <dd>{result.issuer}</dd>
              <dt>{t('cert.issuedOn')}</dt>
              <dd>{result.issuedOn}</dd>
              {result.revokedOn && (
                <>
                  <dt>{t('cert.revokedOn')}</dt>
                  <dd>{result.revokedOn}</dd>
                </>
              )}
              <dt>{t('verify.authentic')}</dt>
              <dd>{result.authentic ? t('common.yes') : t('common.no')}</dd>
            </dl>
          )}
        </section>
      )}
    </div>
  );
}
