import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { hasAccessToken, ok, typedApi, maySignedIn, onSessionChange, refreshSession, setAccessToken } from './api/client';
import type { Me } from './api/types';

interface Session {
  me: Me | null;
  /** True until the first /auth/me answer (or no token). */
  checking: boolean;
  login(username: string, password: string, totpCode?: string): Promise<Me>;
  logout(): Promise<void>;
  /** Takes a new access token (the API issues one when the second factor is enabled) and asks who we are again. */
  renew(accessToken?: string): Promise<Me>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(maySignedIn());

  useEffect(() => {
    // A reload or a new tab: the access token was in memory only; the refresh cookie brings a new one.
    if (maySignedIn()) {
      refreshSession()
        .then((refreshed) => (refreshed ? ok(typedApi.GET('/auth/me')).then(setMe) : undefined))
        .catch(() => setAccessToken(null))
        .finally(() => setChecking(false));
    }
    // A refresh the API refused ends the session everywhere in the app.
    return onSessionChange(() => {
      if (!hasAccessToken()) setMe(null);
    });
  }, []);

  const login = useCallback(async (username: string, password: string, totpCode?: string) => {
    const answer = await ok(typedApi.POST('/auth/login', { body: { username, password, ...(totpCode ? { totpCode } : {}) } }));
    setAccessToken(answer.accessToken);
    const who = await ok(typedApi.GET('/auth/me'));
    setMe(who);
    return who;
  }, []);

  const logout = useCallback(async () => {
    // Ends the session on the server (refresh cookie and access token alike), then forgets it here.
    if (hasAccessToken()) await ok(typedApi.POST('/auth/logout', { body: {} })).catch(() => undefined);
    setAccessToken(null);
    setMe(null);
  }, []);

  const renew = useCallback(async (next?: string) => {
    if (next) setAccessToken(next);
    const who = await ok(typedApi.GET('/auth/me'));
    setMe(who);
    return who;
  }, []);

  return <SessionContext.Provider value={{ me, checking, login, logout, renew }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only used inside routes that require one. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('no session');
  return me;
}
