// In-memory 2025-era MCP sessions (transport + server pairs), rebuilt from LMDB on demand and dropped when idle,
// so memory is bounded by active sessions rather than by every session ever created. Each live session carries its
// record, so a tool call never reads the session from LMDB.
import type { McpServer } from '@modelcontextprotocol/server';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import type { SessionRecord, SessionStore } from '../../store/sessions.ts';
import { idPrefix } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { IdRemapper } from './id-remap.ts';
import { rehydrateSession } from './sdk-internals.ts';

/** Client-supplied data kept with a session: small, because any caller can initialize. */
const MAX_CLIENT_JSON_BYTES = 4096;

function boundedJson<T>(value: T): T | undefined {
  return value !== undefined && JSON.stringify(value).length <= MAX_CLIENT_JSON_BYTES ? value : undefined;
}

function boundedClientInfo(info: SessionRecord['clientInfo']): SessionRecord['clientInfo'] {
  if (!info || typeof info.name !== 'string') return undefined;
  return boundedJson(info) ?? { name: info.name.slice(0, 200), version: String(info.version ?? '').slice(0, 50) };
}

/** Evictions in one pass that make a full garbage collection worth its pause (a few ms per 10 MB of heap). */
const GC_AFTER_EVICTIONS = 200;

export interface LiveSession {
  id: string;
  /** The persisted record as last written (dashboardId and expiry kept current in memory). */
  record: SessionRecord;
  transport: WebStandardStreamableHTTPServerTransport;
  server: McpServer;
  remapper: IdRemapper;
  lastActivityMs: number;
  persistedAtMs: number;
  /** Response streams still open (POST answers in progress, GET streams); a session with open streams is never evicted. */
  openStreams: number;
  ready: Promise<void>;
}

/** What tool handlers may ask of a 2025-era session (see server/mcp/tools/resolve-dashboard.ts). */
export interface SessionDirectory {
  /** The dashboard a session writes to when a call names none: its attached one, else its own id. */
  dashboardOf(sessionId: string): string | undefined;
  /** Point the session at a dashboard; later calls without a dashboard argument go there. Persisted. */
  attach(sessionId: string, dashboardId: string): Promise<void>;
}

export interface NewSession {
  protocolVersion: string;
  clientInfo: SessionRecord['clientInfo'];
  capabilities: SessionRecord['clientCapabilities'];
  /** The grant whose token opened the session (auth on); later requests must present the same grant. */
  grantId: string | undefined;
}

export interface SessionCacheOptions {
  sessions: SessionStore;
  createServer: () => McpServer;
  ttlMs: number;
  idleEvictMs: number;
  logger: Logger;
  now: () => number;
}

export class SessionCache implements SessionDirectory {
  private readonly live = new Map<string, LiveSession>();
  private readonly evictTimer: ReturnType<typeof setInterval>;
  /** Sliding expiry is written to LMDB at most this often per session (a write per request would dominate). */
  readonly touchEveryMs: number;

  constructor(private readonly options: SessionCacheOptions) {
    this.touchEveryMs = Math.max(1, Math.min(60_000, Math.floor(options.ttlMs / 100)));
    this.evictTimer = setInterval(() => this.evictIdle(), Math.max(250, Math.min(30_000, Math.floor(options.idleEvictMs / 2))));
    this.evictTimer.unref?.();
  }

  get size(): number {
    return this.live.size;
  }

  /** Throws StorageFullError when the data budget has no room for another session (see SessionStore.assertRoom). */
  assertRoomForNew(): void {
    this.options.sessions.assertRoom();
  }

  /** A new session for an `initialize` request; the record is persisted when the SDK reports the session started. */
  createForInitialize(init: NewSession): LiveSession {
    const id = crypto.randomUUID();
    const nowMs = this.options.now();
    const clientInfo = boundedClientInfo(init.clientInfo);
    const record: SessionRecord = {
      id,
      createdAt: nowMs,
      lastSeenAt: nowMs,
      expiresAt: nowMs + this.options.ttlMs,
      protocolVersion: init.protocolVersion,
      clientInfo,
      clientCapabilities: boundedJson(init.capabilities),
      ...(init.grantId !== undefined ? { grantId: init.grantId } : {}),
    };
    const transport = this.newTransport(id, async () => {
      // Awaited by the SDK before it answers: "initialized" means "on disk".
      entry.record = await this.options.sessions.create(record, nowMs);
      this.live.set(id, entry);
      this.options.logger.info('session created', { session: idPrefix(id), client: clientInfo?.name.slice(0, 64) });
    });
    const entry = this.wrap(record, transport, nowMs);
    return entry;
  }

  /** The live session for an id, rebuilt from LMDB if needed; undefined when unknown, expired or deleted. */
  get(id: string): LiveSession | undefined {
    const nowMs = this.options.now();
    const cached = this.live.get(id);
    if (cached) {
      if (cached.record.expiresAt > nowMs) return cached;
      this.drop(cached);
      return undefined;
    }
    const record = this.options.sessions.get(id, nowMs);
    if (!record) return undefined;
    const transport = this.newTransport(id);
    const entry = this.wrap(record, transport, record.lastSeenAt);
    // Rebuilt because a request is here now: not idle, whatever the record says.
    entry.lastActivityMs = nowMs;
    rehydrateSession(transport, entry.server, record);
    this.live.set(id, entry);
    this.options.logger.debug('session rehydrated', { session: idPrefix(id) });
    return entry;
  }

  /** Record activity: slide expiry, persisting it when the last write is older than touchEveryMs. */
  touch(entry: LiveSession): void {
    const nowMs = this.options.now();
    entry.lastActivityMs = nowMs;
    if (nowMs - entry.persistedAtMs < this.touchEveryMs) return;
    entry.persistedAtMs = nowMs;
    entry.record = { ...entry.record, lastSeenAt: nowMs, expiresAt: Math.max(entry.record.expiresAt, nowMs + this.options.ttlMs) };
    this.options.sessions.touch(entry.id, nowMs).catch((error) => this.options.logger.error('session touch failed', { session: idPrefix(entry.id), error: String(error) }));
  }

  dashboardOf(sessionId: string): string | undefined {
    const entry = this.live.get(sessionId);
    if (!entry) return undefined;
    return entry.record.dashboardId ?? entry.id;
  }

  async attach(sessionId: string, dashboardId: string): Promise<void> {
    const entry = this.live.get(sessionId);
    if (!entry || entry.record.dashboardId === dashboardId) return;
    const nowMs = this.options.now();
    const updated = await this.options.sessions.attach(sessionId, dashboardId, nowMs);
    if (updated) {
      entry.record = updated;
      entry.persistedAtMs = nowMs;
    }
  }

  /** Drop sessions idle longer than idleEvictMs from memory (their records stay on disk). */
  evictIdle(): number {
    const nowMs = this.options.now();
    let evicted = 0;
    for (const entry of this.live.values()) {
      const expired = entry.record.expiresAt <= nowMs;
      if (expired || (entry.openStreams === 0 && nowMs - entry.lastActivityMs >= this.options.idleEvictMs)) {
        this.drop(entry);
        evicted++;
      }
    }
    // After a wave of evictions the heap is mostly garbage, but JavaScriptCore may not collect it (nor the
    // allocator return pages) for a long time, so RSS would keep the high-water mark of past sessions.
    // A full collection here, at most once per eviction pass, gives that memory back.
    if (evicted >= GC_AFTER_EVICTIONS) {
      Bun.gc(true);
      Bun.shrink();
    }
    return evicted;
  }

  /** Shutdown, step one: end GET streams (open-ended by nature) but let POST answers in progress finish. */
  endStandaloneStreams(): void {
    for (const entry of this.live.values()) entry.transport.closeStandaloneSSEStream();
  }

  async close(): Promise<void> {
    clearInterval(this.evictTimer);
    await Promise.all([...this.live.values()].map((entry) => this.drop(entry)));
  }

  /** A stateful transport for `id`; DELETE (onsessionclosed) removes the session for good. */
  private newTransport(id: string, onInitialized?: () => Promise<void>): WebStandardStreamableHTTPServerTransport {
    return new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => id,
      onsessioninitialized: onInitialized,
      onsessionclosed: async () => {
        await this.options.sessions.delete(id);
        this.live.delete(id);
        this.options.logger.info('session deleted', { session: idPrefix(id) });
      },
    });
  }

  private wrap(record: SessionRecord, transport: WebStandardStreamableHTTPServerTransport, lastActivityMs: number): LiveSession {
    const server = this.options.createServer();
    return {
      id: record.id,
      record,
      transport,
      server,
      remapper: new IdRemapper(),
      lastActivityMs,
      persistedAtMs: lastActivityMs,
      openStreams: 0,
      ready: server.connect(transport),
    };
  }

  private async drop(entry: LiveSession): Promise<void> {
    if (this.live.get(entry.id) === entry) this.live.delete(entry.id);
    // Closing the transport ends its streams and detaches the server; the LMDB record is untouched.
    await entry.transport.close().catch(() => undefined);
  }
}
