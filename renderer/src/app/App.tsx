// Which screen stands: device set-up (desktop only) → login → forced password change → the shell.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, dropToken, isDesktop, onUnauthenticated } from '../api/client';
import { DeviceGate } from '../features/device/DeviceGate';
import { LoginScreen, type LoginNotice } from '../features/auth/LoginScreen';
import { AuthLayout } from './AuthLayout';
import { SessionContext, type Auth, type SessionApi } from './session';
import { useIdleLock } from './useIdleLock';

// What only a signed-in user sees is its own chunk: the login screen paints without parsing and
// running every screen first (issue 7: first paint), and the chunk is fetched while the user types.
const loadShell = () => import('./Shell');
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const ChangePasswordForm = lazy(() => import('../features/auth/ChangePasswordForm').then((m) => ({ default: m.ChangePasswordForm })));

export function App() {
  const { t } = useTranslation();
  const [deviceReady, setDeviceReady] = useState(!isDesktop);
  const [auth, setAuth] = useState<Auth | null>(null);
  const [notice, setNotice] = useState<LoginNotice | null>(null);

  const endSession = useCallback((next: LoginNotice | null) => {
    dropToken();
    setAuth(null);
    setNotice(next);
  }, []);

  // Any 401 (expired, ended elsewhere, deactivated) returns to the login screen with the server's reason.
  useEffect(
    () => onUnauthenticated((error) => endSession(error.message ? { tone: 'warning', text: error.message } : { tone: 'warning', key: 'errors.sessionEnded' })),
    [endSession],
  );

  const lockForIdle = useCallback(() => {
    void call('auth.logout', {});
    endSession({ tone: 'warning', key: 'errors.idleLocked' });
  }, [endSession]);
  useIdleLock(auth ? auth.session.idleTimeoutSeconds : null, lockForIdle);

  // After the login screen has painted, while the browser is idle: the first paint stays first.
  useEffect(() => {
    const prefetch = () => void loadShell();
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prefetch, { timeout: 2_000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(prefetch, 500);
    return () => clearTimeout(timer);
  }, []);

  const session = useMemo<SessionApi | null>(() => {
    if (!auth) return null;
    return {
      auth,
      refresh: async () => {
        const me = await call('auth.me', {});
        if (me.ok) setAuth(me.value);
      },
      logout: async () => {
        await call('auth.logout', {});
        endSession({ tone: 'success', key: 'login.loggedOut' });
      },
    };
  }, [auth, endSession]);

  if (!deviceReady) return <DeviceGate onReady={() => setDeviceReady(true)} />;

  if (!session) {
    return (
      <LoginScreen
        notice={notice}
        onLoggedIn={(value) => {
          setNotice(null);
          setAuth({ user: value.user, session: value.session });
        }}
      />
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        {session.auth.user.mustChangePassword ? (
          <AuthLayout title={t('changePassword.forcedTitle')}>
            <ChangePasswordForm forced onDone={session.refresh} />
          </AuthLayout>
        ) : (
          <Shell />
        )}
      </Suspense>
    </SessionContext.Provider>
  );
}
