// Authorization requests waiting for the owner's answer on the consent page: in memory (a restart means starting
// the connection again), bounded in number and age, each answered once.
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
  expiresAt: number;
  client: PendingClient;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  resource: string;
}

export interface PendingRequests {
  add(request: Omit<PendingRequest, 'id' | 'csrf' | 'expiresAt'>): PendingRequest;
  get(id: string): PendingRequest | undefined;
  /** Removes and returns it: each request is answered once. */
  take(id: string): PendingRequest | undefined;
}

export function createPendingRequests(options: { now: () => number; ttlMs?: number; maxEntries?: number }): PendingRequests {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 200;
  const requests = new Map<string, PendingRequest>();
  const get = (id: string) => {
    const request = requests.get(id);
    if (!request) return undefined;
    if (request.expiresAt > options.now()) return request;
    requests.delete(id);
    return undefined;
  };
  return {
    add(fields) {
      const request: PendingRequest = { ...fields, id: newSecret(''), csrf: newSecret(''), expiresAt: options.now() + ttlMs };
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
  };
}
