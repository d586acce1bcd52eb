import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import QRCode from 'qrcode';
import { ok, typedApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useAction } from '../../ui/hooks';
import { Badge, Field, FormError, PageTitle } from '../../ui/kit';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

/** The secret grouped in fours, easier to type into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Account security for staff: the TOTP second factor (required for platform admins in
 * production). Enrol (a QR code of the otpauth URI and the secret as text), confirm with a
 * first code, or turn it off with a current code.
 */
export default function SecurityPage() {
  const { t } = useI18n();
  const { me, renew } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = useAction();
  if (!me) return null;
  return (
    <>
      <PageTitle title={t('security.title')}>{!me.totpEnrolmentRequired && <Link to="/password">{t('nav.password')}</Link>}</PageTitle>
      {me.totpEnrolmentRequired && (
        <div className="alert alert-warn" role="alert">
          {t('security.totpRequiredNotice')}
        </div>
      )}
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <section className="card">
        <h2>{t('security.totpTitle')}</h2>
        <p className="muted">{t('security.totpIntro')}</p>
        <p>
          <Badge tone={me.totpEnabled ? 'ok' : 'warn'}>{me.totpEnabled ? t('security.totpOn') : t('security.totpOff')}</Badge>
        </p>
        {me.totpEnabled ? (
          me.totpRequired ? (
            <p className="muted">{t('security.cannotDisable')}</p>
          ) : (
            <DisableTotp
              onDone={async () => {
                await renew();
                setNotice(t('security.disabled'));
              }}
            />
          )
        ) : enrolment ? (
          <ConfirmTotp
            enrolment={enrolment}
            onDone={async (accessToken) => {
              await renew(accessToken);
              setEnrolment(null);
              setNotice(t('security.enabled'));
            }}
          />
        ) : (
          <>
            <FormError error={start.error} />
            <button
              type="button"
              className="btn btn-primary"
              disabled={start.busy}
              onClick={async () => {
                setNotice(null);
                const answer = await start.run(() => ok(typedApi.POST('/auth/totp/enrol')));
                if (answer) setEnrolment(answer);
              }}
            >
              {t('security.start')}
            </button>
          </>
        )}
      </section>
    </>
  );
}

function ConfirmTotp({ enrolment, onDone }: { enrolment: Enrolment; onDone(accessToken: string): Promise<void> }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const act = useAction();
  useEffect(() => {
    // An SVG data URL: no canvas and no inline script, so the strict CSP holds (img-src allows data:).
    void QRCode.toString(enrolment.otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) =>
      setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    );
  }, [enrolment.otpauthUri]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = await act.run(() => ok(typedApi.POST('/auth/totp/confirm', { body: { code } })));
    if (answer) await onDone(answer.accessToken);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('security.scan')}</p>
      {qr && <img className="totp-qr" src={qr} alt={t('security.qrAlt')} width={200} height={200} />}
      <p>
        {t('security.secret')}：
        <code className="totp-secret" data-secret={enrolment.secret}>
          {grouped(enrolment.secret)}
        </code>
      </p>
      <p>{t('security.confirmStep')}</p>
      <Field label={t('security.code')} error={act.error?.fieldMessage('code')}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.trim())}
          />
        )}
      </Field>
      <FormError error={act.error} shownFields={['code']} />
      <button type="submit" className="btn btn-primary" disabled={act.busy}>
        {act.busy ? t('common.working') : t('security.confirm')}
      </button>
    </form>
  );
}

function DisableTotp({ onDone }: { onDone(): Promise<void> }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const disabled = await act.run(() => ok(typedApi.POST('/auth/totp/disable', { body: { code } })).then(() => true));
    if (disabled) {
      setCode('');
      await onDone();
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('security.disableTitle')}</h3>
      <p className="muted">{t('security.disableIntro')}</p>
      <Field label={t('security.code')} error={act.error?.fieldMessage('code')}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.trim())}
          />
        )}
      </Field>
      <FormError error={act.error} shownFields={['code']} />
      <button type="submit" className="btn" disabled={act.busy}>
        {t('security.disable')}
      </button>
    </form>
  );
}
