// Data for the owner console: the session (signed in or not, its CSRF token), the overview, and the actions that
// change something (each sends the CSRF token, then reloads the overview).
import { createResource, createSignal, type Accessor, type Resource } from 'solid-js';
import type { ConsoleOverview, ConsoleSession, OwnerApi, Sent } from '../api/client';

export interface ConsoleData {
  session: Resource<ConsoleSession | undefined>;
  overview: Resource<ConsoleOverview | undefined>;
  /** The last refusal or failure, in the server's words. */
  error: Accessor<string | undefined>;
  signIn(password: string): Promise<boolean>;
  signOut(): Promise<void>;
  deleteDashboard(id: string): Promise<void>;
  revokeClient(id: string): Promise<void>;
  revokeToken(name: string): Promise<void>;
}

export function createConsoleData(owner: OwnerApi): ConsoleData {
  const [error, setError] = createSignal<string>();
  const [session, { mutate: setSession, refetch: reloadSession }] = createResource(async () => {
    const res = await owner.session();
    if (!res.ok) setError(res.message);
    return res.ok ? res.value : undefined;
  });
  const [overview, { refetch: reloadOverview }] = createResource(
    () => (session()?.signedIn ? session()?.csrf : undefined),
    async () => {
      const res = await owner.overview();
      if (res.ok) return res.value;
      setError(res.message);
      // The session ended on the server (password changed, expired): show the sign-in again.
      if (res.status === 401) void reloadSession();
      return undefined;
    },
  );

  const act = async (run: (csrf: string) => Promise<Sent<unknown>>): Promise<void> => {
    const csrf = session()?.csrf;
    if (!csrf) return;
    const res = await run(csrf);
    setError(res.ok ? undefined : res.message);
    await reloadOverview();
  };

  return {
    session,
    overview,
    error,
    async signIn(password) {
      const res = await owner.signIn(password);
      if (!res.ok) {
        setError(res.message);
        return false;
      }
      setError(undefined);
      const current = session();
      if (current) setSession({ ...current, signedIn: true, csrf: res.value.csrf });
      else await reloadSession();
      return true;
    },
    async signOut() {
      const csrf = session()?.csrf;
      if (csrf) await owner.signOut(csrf);
      await reloadSession();
    },
    deleteDashboard: (id) => act((csrf) => owner.deleteDashboard(csrf, id)),
    revokeClient: (id) => act((csrf) => owner.revokeClient(csrf, id)),
    revokeToken: (name) => act((csrf) => owner.revokeToken(csrf, name)),
  };
}
