// Authorization requests waiting for the owner's answer on the consent page: in memory (a restart means starting
// the connection again), bounded in number and age, each answered once. Each has a short approve code too, for
// `mcpdash owner approve <code>` on the server's machine (the CLI reaches them through the control socket); a request
// approved that way waits, settled, for its consent page to pick up where the browser goes next.
import { randomInt } from 'node:crypto';
import type { MetadataClient } from './cimd.ts';
import { newSecret } from './secrets.ts';

export interface PendingClient {
  id: string;
  kind: 'dcr' | 'cimd';
  name: string;
  /** The document as fetched, kept for a metadata-document client until the owner approves it. */
  metadata?: MetadataClient;
}

export interface PendingRequest {
  id: string;
  /** The consent page's CSRF token: the answer must carry it. */
  csrf: string;
  /** What `mcpdash owner approve` takes: short, for typing (only the machine's owner can use it, so not a secret). */
  approveCode: string;
  expiresAt: number;
  client: PendingClient;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  resource: string;
}

export interface PendingRequests {
  add(request: Omit<PendingRequest, 'id' | 'csrf' | 'expiresAt' | 'approveCode'>): PendingRequest;
  get(id: string): PendingRequest | undefined;
  /** Removes and returns it: each request is answered once. */
  take(id: string): PendingRequest | undefined;
  /** Every request still waiting, oldest first. */
  list(): PendingRequest[];
  /** The waiting request with this approve code (case and dashes ignored). */
  byCode(code: string): PendingRequest | undefined;
  /** Answered elsewhere (the CLI): the consent page of `id` is sent to `redirectTo` when it next asks. */
  settle(id: string, redirectTo: string): void;
  /** Where the consent page of a request answered elsewhere goes (once), or undefined. */
  takeSettled(id: string): string | undefined;
  /** Marks a client approved just now: its code is still to be exchanged (it has no grant until then). */
  approved(clientId: string): void;
  /** Whether a client has an authorization under way: a waiting request, or an approval whose code may still be used. */
  inUse(clientId: string): boolean;
}

// No 0/O, 1/I/L, U: read aloud or copied from a screen, a code is typed right.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const normalCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
function newApproveCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
/** A settled answer waits this long for its consent page (the authorization code in it lives 2 minutes). */
const SETTLED_MS = 2 * 60_000;

export function createPendingRequests(options: { now: () => number; ttlMs?: number; maxEntries?: number }): PendingRequests {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 200;
  const requests = new Map<string, PendingRequest>();
  const settled = new Map<string, { redirectTo: string; until: number }>();
  const approvedClients = new Map<string, number>();
  const get = (id: string) => {
    const request = requests.get(id);
    if (!request) return undefined;
    if (request.expiresAt > options.now()) return request;
    requests.delete(id);
    return undefined;
  };
  return {
    add(fields) {
      let approveCode = newApproveCode();
      while ([...requests.values()].some((r) => r.approveCode === approveCode)) approveCode = newApproveCode();
      const request: PendingRequest = { ...fields, id: newSecret(''), csrf: newSecret(''), approveCode, expiresAt: options.now() + ttlMs };
      requests.set(request.id, request);
      // Oldest first out: a flood of starts pushes out only other unanswered starts.
      if (requests.size > maxEntries) requests.delete(requests.keys().next().value as string);
      return request;
    },
    get,
    take(id) {
      const request = get(id);
      requests.delete(id);
      return request;
    },
    list() {
      return [...requests.keys()].map(get).filter((r): r is PendingRequest => r !== undefined);
    },
    byCode(code) {
      const wanted = normalCode(code);
      return [...requests.values()].find((r) => r.approveCode === wanted && get(r.id) !== undefined);
    },
    settle(id, redirectTo) {
      settled.set(id, { redirectTo, until: options.now() + SETTLED_MS });
      if (settled.size > maxEntries) settled.delete(settled.keys().next().value as string);
    },
    approved(clientId) {
      approvedClients.delete(clientId);
      approvedClients.set(clientId, options.now() + SETTLED_MS);
      if (approvedClients.size > maxEntries) approvedClients.delete(approvedClients.keys().next().value as string);
    },
    inUse(clientId) {
      if ((approvedClients.get(clientId) ?? 0) > options.now()) return true;
      return [...requests.values()].some((r) => r.client.id === clientId && r.expiresAt > options.now());
    },
    takeSettled(id) {
      const entry = settled.get(id);
      settled.delete(id);
      return entry && entry.until > options.now() ? entry.redirectTo : undefined;
    },
  };
}
