// Client ID Metadata Documents: a client id that is an https URL names a JSON document saying who the client is and
// where it may be redirected. Fetched through the SSRF guard (public addresses only; the connection goes to the
// address that was checked), bounded in size and time, redirects not followed, results cached. Why a fetch failed
// (a DNS answer, ENOTFOUND, a private address, a status) is for the log only: the caller is anonymous, and the answer
// would tell them what names inside the owner's network resolve to.
import type { LookupFunction } from 'node:net';
import { z } from 'zod';
import { VERSION } from '../version.ts';
import { displayName } from './client-name.ts';
import { OAuthRequestError } from './oauth-error.ts';
import { redirectUriProblem } from './redirect-uri.ts';
import { isPublicAddress, resolvePublicAddress, systemResolver, type ResolvedAddress, type Resolver } from './ssrf-guard.ts';

export interface MetadataClient {
  id: string;
  name: string;
  redirectUris: string[];
  grantTypes: string[];
  scope?: string;
}

export interface CimdOptions {
  resolve?: Resolver;
  /** Which resolved addresses may be connected to (tests widen it to loopback; never in the product). */
  isAllowed?: (address: string) => boolean;
  /** Extra trusted CA (tests); the system's otherwise. */
  ca?: string;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => number;
  /** Where the detail of a failed fetch goes (the log); the caller is told only that it could not be fetched. */
  onFetchFailure?: (clientId: string, detail: string) => void;
}

export interface CimdFetcher {
  /** The client described by the document at `clientId`; throws OAuthRequestError('invalid_client') when unusable. */
  get(clientId: string): Promise<MetadataClient>;
}

const CACHE_MAX = 100;
const CACHE_OK_MS = 10 * 60_000;
// A failure is remembered briefly, so a flood of authorization requests naming a slow URL costs one fetch.
const CACHE_FAILED_MS = 60_000;

/** A problem with the client id or the document's content: said to the caller (the document is the client's own). */
class DocumentProblem extends Error {}

/** Whether a client id names a metadata document rather than a registration. */
export function isMetadataClientId(clientId: string): boolean {
  return clientId.startsWith('https://');
}

/** The shape rules of the draft (draft-ietf-oauth-client-id-metadata-document): https, a path, no fragment. */
function clientIdProblem(clientId: string): string | undefined {
  if (clientId.length > 2048) return 'the client id URL is too long';
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return 'the client id is not a URL';
  }
  if (url.protocol !== 'https:') return 'a client id URL must use https';
  if (url.hash || clientId.includes('#')) return 'a client id URL must not have a fragment';
  if (url.username || url.password) return 'a client id URL must not carry credentials';
  if (url.pathname === '/' || url.pathname === '') return 'a client id URL must have a path';
  // URL parsing removes dot segments, so look at the text as sent.
  const rawPath = clientId.replace(/^https:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
  if (/(^|\/)\.\.?(\/|$)/.test(rawPath)) return 'a client id URL must not have . or .. segments';
  return undefined;
}

const documentSchema = z.object({
  client_id: z.string(),
  client_name: z.string().max(1000).nullish(),
  redirect_uris: z.array(z.string()).min(1).max(10),
  token_endpoint_auth_method: z.string().nullish(),
  grant_types: z.array(z.string().max(100)).max(10).nullish(),
  response_types: z.array(z.string().max(100)).max(10).nullish(),
  scope: z.string().max(1000).nullish(),
  client_secret: z.undefined({ error: 'a metadata document must not contain a client secret' }).optional(),
});

async function fetchDocument(url: URL, target: ResolvedAddress, options: Required<Pick<CimdOptions, 'timeoutMs' | 'maxBytes'>> & { ca?: string }): Promise<string> {
  // Loaded on first use: node:https costs ~25 ms at start, and most servers never meet a metadata-document client.
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || 443),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { accept: 'application/json', 'user-agent': `mcpdash/${VERSION}` },
        // The address already checked: no second lookup that a rebinding DNS server could answer differently.
        lookup: ((_host: string, opts: { all?: boolean }, done: (...args: unknown[]) => void) =>
          opts?.all ? done(null, [{ address: target.address, family: target.family }]) : done(null, target.address, target.family)) as unknown as LookupFunction,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          // 3xx included: a redirect could lead anywhere, the guard checked only this host.
          return fail(`the document answered HTTP ${response.statusCode}`);
        }
        const type = String(response.headers['content-type'] ?? '');
        if (!type.includes('json')) {
          response.resume();
          return fail(`the document is ${type || 'untyped'}, not JSON`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return fail(`the document is larger than ${options.maxBytes} bytes`);
          chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        response.on('error', (error) => fail(error.message));
      },
    );
    const fail = (why: string) => {
      clearTimeout(timer);
      request.destroy();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail(`no complete answer within ${options.timeoutMs} ms`), options.timeoutMs);
    request.on('error', (error) => fail(error.message));
    request.end();
  });
}

function toClient(clientId: string, text: string): MetadataClient {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DocumentProblem('the document is not valid JSON');
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) throw new DocumentProblem(`the document does not fit: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  const doc = parsed.data;
  if (doc.client_id !== clientId) throw new DocumentProblem('the document names another client_id than its own URL');
  // A URL-named client is public by definition: it has no secret to authenticate with.
  if ((doc.token_endpoint_auth_method ?? 'none') !== 'none') throw new DocumentProblem('token_endpoint_auth_method must be none');
  for (const uri of doc.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new DocumentProblem(problem);
  }
  const grantTypes = doc.grant_types ?? ['authorization_code'];
  if (!grantTypes.includes('authorization_code')) throw new DocumentProblem('grant_types must include authorization_code');
  return {
    id: clientId,
    name: displayName(doc.client_name, new URL(clientId).host),
    redirectUris: doc.redirect_uris,
    grantTypes,
    ...(doc.scope ? { scope: doc.scope } : {}),
  };
}

export function createCimdFetcher(options: CimdOptions = {}): CimdFetcher {
  const resolve = options.resolve ?? systemResolver;
  const isAllowed = options.isAllowed ?? isPublicAddress;
  const now = options.now ?? Date.now;
  const limits = { timeoutMs: options.timeoutMs ?? 5_000, maxBytes: options.maxBytes ?? 64 * 1024, ca: options.ca };
  const cache = new Map<string, { until: number; result: Promise<MetadataClient> }>();

  const load = async (clientId: string): Promise<MetadataClient> => {
    const problem = clientIdProblem(clientId);
    if (problem) throw new DocumentProblem(problem);
    const url = new URL(clientId);
    const target = await resolvePublicAddress(url.hostname, resolve, isAllowed);
    return toClient(clientId, await fetchDocument(url, target, limits));
  };

  return {
    get(clientId) {
      const nowMs = now();
      const cached = cache.get(clientId);
      if (cached && cached.until > nowMs) return cached.result;
      cache.delete(clientId);
      // Concurrent requests for one URL share one fetch: the promise is cached, not only its value.
      const result = load(clientId).catch((error: unknown) => {
        entry.until = now() + CACHE_FAILED_MS;
        const why = error instanceof Error ? error.message : String(error);
        const shown = clientId.slice(0, 200);
        if (error instanceof DocumentProblem) throw new OAuthRequestError('invalid_client', `The client metadata document at ${shown} cannot be used: ${why}.`);
        options.onFetchFailure?.(clientId, why);
        throw new OAuthRequestError('invalid_client', `The client metadata document at ${shown} could not be fetched.`);
      });
      const entry = { until: nowMs + CACHE_OK_MS, result };
      cache.set(clientId, entry);
      if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
      return result;
    },
  };
}
