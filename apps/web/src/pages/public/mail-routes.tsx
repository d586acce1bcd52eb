import { Link, Route, useLocation } from 'react-router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { lazyPage } from '../../ui/lazy-page';

const ForgotPasswordPage = lazyPage(() => import('./password-reset'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./password-reset'), 'ResetPasswordPage');
const VerifyEmailPage = lazyPage(() => import('./email-links'), 'VerifyEmailPage');
const UnsubscribePage = lazyPage(() => import('./email-links'), 'UnsubscribePage');

/** The pages mail links open: no sign-in needed (the link's token is the proof). */
export const MAIL_PUBLIC_ROUTES = [
  <Route key="forgot" path="/forgot-password" element={<ForgotPasswordPage />} />,
  <Route key="reset" path="/reset-password" element={<ResetPasswordPage />} />,
  <Route key="verify" path="/verify-email" element={<VerifyEmailPage />} />,
  <Route key="unsubscribe" path="/unsubscribe" element={<UnsubscribePage />} />,
];

/**
 * Log-in does not wait for e-mail verification (a CQO registering at an event must be able to
 * start at once); until the address is verified no mail but the verification goes to it, and
 * this banner says so.
 */
export function EmailBanner() {
  const { me } = useSession();
  const { t } = useI18n();
  const { pathname } = useLocation();
  if (!me || !me.email || me.emailVerified || pathname === '/verify-email' || pathname === '/notification-settings') return null;
  return (
    <p className="alert alert-warn email-banner" role="status">
      {t('emailBanner.text', { email: me.email })} <Link to="/notification-settings">{t('emailBanner.action')}</Link>
    </p>
  );
}
