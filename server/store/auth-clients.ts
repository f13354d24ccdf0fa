// OAuth clients: bounded registrations (Claude registers anew on every fresh connect, so unused ones expire after a
// day and, when all slots are taken, the oldest unused one makes room) and each client's link to its grants.
import type { Store } from './db.ts';
import { moveExpiry } from './expiry.ts';
import type { ClientRecord } from './auth-records.ts';

export const MAX_REGISTERED_CLIENTS = 100;
export const UNUSED_CLIENT_TTL_MS = 24 * 3_600_000;
/** Grants kept per client: approving it once more ends the oldest. */
export const MAX_GRANTS_PER_CLIENT = 10;

export type NewClient = Omit<ClientRecord, 'grantIds' | 'expiresAt' | 'createdAt'>;

export interface ClientStore {
  /** The client, or undefined when unknown or an unused registration past its expiry. */
  get(id: string, nowMs: number): ClientRecord | undefined;
  /**
   * Stores a DCR registration; when every slot is taken, an unused one makes room: first those `inUse` does not hold
   * (no authorization under way), oldest first, then the rest of the unused; a client with a grant never. 'full' when
   * every slot holds a client with a grant (nothing is stored then).
   */
  register(client: NewClient, nowMs: number, inUse?: (clientId: string) => boolean): Promise<'registered' | 'full'>;
  /**
   * Keeps what a client metadata document said when the owner approved it (its grants stay); an approved client's
   * record outside the registration bound, since only the owner's approval creates one.
   */
  saveMetadataClient(client: NewClient, nowMs: number): Promise<void>;
  /** Every client with at least one grant (what the console lists). */
  listUsed(nowMs: number): ClientRecord[];
  /** Sweeper hook. */
  removeIfExpired(id: string, nowMs: number): boolean;
}

const isLive = (client: ClientRecord | undefined, nowMs: number): client is ClientRecord =>
  client !== undefined && (client.expiresAt === undefined || client.expiresAt > nowMs);

export function readClient(store: Store, id: string): ClientRecord | undefined {
  return store.authClients.get(id) as ClientRecord | undefined;
}

function writeClient(store: Store, next: ClientRecord, previous: ClientRecord | undefined): void {
  store.authClients.put(next.id, next);
  moveExpiry(store, 'auth-client', next.id, previous?.expiresAt, next.expiresAt);
}

export function deleteClient(store: Store, client: ClientRecord): void {
  store.authClients.remove(client.id);
  moveExpiry(store, 'auth-client', client.id, client.expiresAt, undefined);
}

/**
 * Inside a write transaction: link a new grant to its client. Returns the grant ids that fell out of the per-client
 * bound (the caller deletes them), or undefined when the client is gone.
 */
export function attachGrant(store: Store, clientId: string, grantId: string): string[] | undefined {
  const previous = readClient(store, clientId);
  if (!previous) return undefined;
  const grantIds = [...previous.grantIds, grantId];
  const dropped = grantIds.splice(0, Math.max(0, grantIds.length - MAX_GRANTS_PER_CLIENT));
  writeClient(store, { ...previous, grantIds, expiresAt: undefined }, previous);
  return dropped;
}

/** Inside a write transaction: unlink an ended grant; a client left without grants is unused again and expires. */
export function detachGrant(store: Store, clientId: string, grantId: string, nowMs: number): void {
  const previous = readClient(store, clientId);
  if (!previous) return;
  const grantIds = previous.grantIds.filter((id) => id !== grantId);
  const expiresAt = grantIds.length === 0 ? nowMs + UNUSED_CLIENT_TTL_MS : undefined;
  writeClient(store, { ...previous, grantIds, expiresAt }, previous);
}

export function createClientStore(store: Store): ClientStore {
  const all = (): ClientRecord[] => Array.from(store.authClients.getRange({}), ({ value }) => value as ClientRecord);

  return {
    get(id, nowMs) {
      const client = readClient(store, id);
      return isLive(client, nowMs) ? client : undefined;
    },

    register(client, nowMs, inUse = () => false) {
      return store.root.transaction(() => {
        // At most 100 records, so reading them all is cheap, and it happens only on registration.
        const registered = all().filter((c) => c.kind === 'dcr');
        if (registered.length >= MAX_REGISTERED_CLIENTS) {
          // A flood of registrations pushes out only registrations like its own: one whose owner is being asked
          // (an ordinary connect between its registration and its token) goes last, an approved client never.
          const unused = registered
            .filter((c) => c.grantIds.length === 0)
            .sort((a, b) => Number(inUse(a.id)) - Number(inUse(b.id)) || a.createdAt - b.createdAt);
          const oldest = unused[0];
          if (!oldest) return 'full' as const;
          deleteClient(store, oldest);
        }
        const record: ClientRecord = { ...client, createdAt: nowMs, grantIds: [], expiresAt: nowMs + UNUSED_CLIENT_TTL_MS };
        writeClient(store, record, undefined);
        return 'registered' as const;
      });
    },

    async saveMetadataClient(client, nowMs) {
      await store.root.transaction(() => {
        const previous = readClient(store, client.id);
        const grantIds = previous?.grantIds ?? [];
        const expiresAt = grantIds.length === 0 ? nowMs + UNUSED_CLIENT_TTL_MS : undefined;
        writeClient(store, { ...client, createdAt: previous?.createdAt ?? nowMs, grantIds, expiresAt }, previous);
      });
    },

    listUsed(nowMs) {
      return all().filter((c) => isLive(c, nowMs) && c.grantIds.length > 0);
    },

    removeIfExpired(id, nowMs) {
      const client = readClient(store, id);
      if (!client || client.expiresAt === undefined || client.expiresAt > nowMs) return false;
      deleteClient(store, client);
      return true;
    },
  };
}
