import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, hasTokens, onSessionChange, refreshTokenOf, setTokens } from './api/client';
import type { Me } from './api/types';

interface Session {
  me: Me | null;
  /** True until the first /auth/me answer (or no token). */
  checking: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(hasTokens());

  useEffect(() => {
    if (hasTokens()) {
      api.get<Me>('/auth/me').then(setMe, () => setTokens(null)).finally(() => setChecking(false));
    }
    // A refresh the API refused ends the session everywhere in the app.
    return onSessionChange(() => {
      if (!hasTokens()) setMe(null);
    });
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const pair = await api.post<{ accessToken: string; refreshToken: string }>('/auth/login', { username, password });
    setTokens(pair);
    const who = await api.get<Me>('/auth/me');
    setMe(who);
    return who;
  }, []);

  const logout = useCallback(async () => {
    const refreshToken = refreshTokenOf();
    setTokens(null);
    setMe(null);
    if (refreshToken) await api.post('/auth/logout', { refreshToken }).catch(() => undefined);
  }, []);

  return <SessionContext.Provider value={{ me, checking, login, logout }}>{children}</SessionContext.Provider>;
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
