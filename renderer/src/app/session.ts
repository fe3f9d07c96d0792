// The signed-in staff member as the UI knows them, shared through React context.
import { createContext, useContext } from 'react';
import type { OutputOf } from '../api/contract';

export type Auth = OutputOf<'auth.me'>;

export interface SessionApi {
  auth: Auth;
  /** Re-reads the user and session limits from the server (after a password change). */
  refresh: () => Promise<void>;
  /** Ends the session on the server and here, back to the login screen. */
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
