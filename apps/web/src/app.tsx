import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Role } from './api/types';
import { I18nProvider, useI18n } from './i18n';
import { landingOf, NAV, PASSWORD_PATH, SECURITY_PATH } from './nav';
import { LoginPage } from './pages/public/login';
import { EmailBanner, MAIL_PUBLIC_ROUTES } from './pages/public/mail-routes';
import { SessionProvider, useSession } from './session';
import { Loading, useAnyLoading } from './ui/kit';

const TraineeRoutes = lazy(() => import('./pages/trainee/routes'));
const OrgRoutes = lazy(() => import('./pages/org/routes'));
const EnterpriseRoutes = lazy(() => import('./pages/enterprise/routes'));
const RegulatorRoutes = lazy(() => import('./pages/regulator/routes'));
const AdminRoutes = lazy(() => import('./pages/admin/routes'));
const SecurityPage = lazy(() => import('./pages/staff/security'));
const RegisterPage = lazy(() => import('./pages/public/register').then((m) => ({ default: m.RegisterPage })));
const ChangePasswordPage = lazy(() => import('./pages/account/password').then((m) => ({ default: m.ChangePasswordPage })));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter basename="/app">
          <Shell />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { me, checking } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const loading = useAnyLoading();
  useEffect(() => {
    // Move focus to the page heading on navigation, so keyboard and screen-reader users land on the new page.
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }, [location.pathname]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" className="container">
        {!checking && <EmailBanner />}
        {checking ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={me ? <Navigate to={landingOf(me)} replace /> : <LoginPage />} />
              <Route path="/register" element={me ? <Navigate to={landingOf(me)} replace /> : <RegisterPage />} />
              <Route path="/check" element={<ToPublicVerify />} />
              {MAIL_PUBLIC_ROUTES}
              <Route path="/" element={me ? <Navigate to={landingOf(me)} replace /> : <Navigate to="/login" replace />} />
              <Route
                path={SECURITY_PATH}
                element={
                  <Guard staff>
                    <SecurityPage />
                  </Guard>
                }
              />
              <Route
                path={PASSWORD_PATH}
                element={
                  <Guard>
                    <ChangePasswordPage />
                  </Guard>
                }
              />
              <Route
                path="/org/*"
                element={
                  <Guard role="org_admin">
                    <OrgRoutes />
                  </Guard>
                }
              />
              <Route
                path="/enterprise/*"
                element={
                  <Guard role="enterprise_admin">
                    <EnterpriseRoutes />
                  </Guard>
                }
              />
              <Route
                path="/regulator/*"
                element={
                  <Guard role="regulator">
                    <RegulatorRoutes />
                  </Guard>
                }
              />
              <Route
                path="/admin/*"
                element={
                  <Guard role="platform_admin">
                    <AdminRoutes />
                  </Guard>
                }
              />
              <Route
                path="/*"
                element={
                  <Guard>
                    <TraineeRoutes />
                  </Guard>
                }
              />
            </Routes>
          </Suspense>
        )}
      </main>
      {/*
        Unseen while part of the page is loading: at the bottom of a short loading page it would
        jump below the fold as the content arrives (a layout shift on phones).
      */}
      <footer className={loading ? 'site-footer waiting' : 'site-footer'}>
        <div className="container">
          <span>{t('app.footer')}</span>
          <a href="/verify">{t('app.publicVerify')}</a>
        </div>
      </footer>
    </>
  );
}

/** One verification page for everyone: the server-rendered /verify (also the QR codes' target). */
function ToPublicVerify() {
  useEffect(() => window.location.replace('/verify'), []);
  return <Loading />;
}

function Guard({ role, staff, children }: { role?: Role; staff?: boolean; children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A platform admin without the required second factor may only enrol it (the API refuses the rest).
  if (me.totpEnrolmentRequired && location.pathname !== SECURITY_PATH) return <Navigate to={SECURITY_PATH} replace />;
  if ((role && me.role !== role) || (staff && me.role === 'trainee')) {
    return (
      <div className="alert alert-error" role="alert">
        {t('error.forbidden')}
      </div>
    );
  }
  return <>{children}</>;
}

function Header() {
  const { me, logout } = useSession();
  const { t, locale, setLocale } = useI18n();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => setOpen(false), [location.pathname]);
  const items = me ? NAV[me.role] : [];
  return (
    <header className="site-header">
      <div className="container header-row">
        <NavLink to={me ? landingOf(me) : '/login'} className="brand">
          <span className="brand-mark" aria-hidden="true">
            质
          </span>
          <span className="brand-text">{t('app.title')}</span>
        </NavLink>
        <div className="header-tools">
          <button
            type="button"
            className="btn-link lang"
            onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
            lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
          >
            {locale === 'zh-CN' ? 'English' : '中文'}
          </button>
          {me && (
            <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen(!open)}>
              <span className="sr-only">{t('nav.menu')}</span>
              <span aria-hidden="true">☰</span>
            </button>
          )}
        </div>
      </div>
      {me && (
        <nav id="site-nav" className={`site-nav${open ? ' open' : ''}`} aria-label={t('nav.main')}>
          <div className="container nav-row">
            <ul>
              {items.map(([path, key]) => (
                <li key={path}>
                  <NavLink to={path}>{t(key)}</NavLink>
                </li>
              ))}
            </ul>
            <div className="nav-user">
              <span className="who">
                {me.displayName} · {t(`role.${me.role}`)}
              </span>
              <button
                type="button"
                className="btn-link"
                onClick={async () => {
                  await logout();
                  navigate('/login');
                }}
              >
                {t('nav.logout')}
              </button>
            </div>
          </div>
        </nav>
      )}
    </header>
  );
}
