// The session for the whole console: the stored token, a client built for it, login and
// logout. When the API says UNAUTHENTICATED (token expired or revoked) the session is marked
// expired and a login dialog opens over the page, which stays mounted: nothing typed is lost.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createConsoleClient } from '../api/client';
import { graphql } from '../gql';
import { isExpired, msUntilExpiry, readSession, writeSession, type Role, type Session } from './session';

export const LoginMutation = graphql(`
  mutation ConsoleLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        email
        role
      }
    }
  }
`);

export interface SessionState {
  session: Session | undefined;
  /** The token stopped working; a login dialog is open over the page. */
  expired: boolean;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user's role (the pages below the login gate always have one). */
export function useRole(): Role {
  return useSession().session?.user.role ?? 'GROUP_SUPPORT';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => readSession(localStorage));
  const [expired, setExpired] = useState<boolean>(() => {
    const stored = readSession(localStorage);
    return stored !== undefined && isExpired(stored, Date.now());
  });
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const token = session?.token;
  const consoleClient = useMemo(
    () =>
      createConsoleClient(token, () => {
        if (sessionRef.current !== undefined) setExpired(true);
      }),
    [token],
  );
  useEffect(() => () => consoleClient.dispose(), [consoleClient]);

  // The token's own expiry, without waiting for a request to fail.
  useEffect(() => {
    if (session === undefined || expired) return;
    const timer = setTimeout(() => setExpired(true), Math.min(msUntilExpiry(session, Date.now()), 2_147_000_000));
    return () => clearTimeout(timer);
  }, [session, expired]);

  // Another tab logged in or out.
  useEffect(() => {
    const onStorage = (): void => {
      const stored = readSession(localStorage);
      setSession(stored);
      setExpired(stored !== undefined && isExpired(stored, Date.now()));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const signIn = useCallback((next: Session) => {
    writeSession(localStorage, next);
    setSession(next);
    setExpired(false);
  }, []);
  const signOut = useCallback(() => {
    writeSession(localStorage, undefined);
    setSession(undefined);
    setExpired(false);
  }, []);
  const state = useMemo(() => ({ session, expired, signIn, signOut }), [session, expired, signIn, signOut]);
  return (
    <SessionContext.Provider value={state}>
      <Provider value={consoleClient.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
