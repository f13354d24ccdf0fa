// Wire contracts of the page API and its live stream: the JSON the server sends to the page and the in-chat view,
// and what they send back. One definition that the server's producers and the web's readers both import, so the
// two sides cannot drift; the readers still check every field they receive (web/src/api/parse.ts).
import type { FeedbackKind, InboxAnswer, InboxNotice } from './answer-rules.ts';

export type WireTheme = 'auto' | 'light' | 'dark';

/** A widget as a reader sees it before checking: kind-specific fields are checked by each widget component. */
export interface WireWidget {
  id: string;
  kind: string;
  title?: string;
  width?: number;
  height?: 's' | 'm' | 'l';
  note?: string;
  [field: string]: unknown;
}

/** GET /api/dashboard/:id and the stream's `snapshot` event. */
export interface DashboardWire<W = WireWidget> {
  id: string;
  title: string;
  description?: string;
  theme: WireTheme;
  /** Whether the page takes answers, comments and messages (the assistant can close it). */
  feedback: boolean;
  widgets: W[];
  revision: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** The stream's `update` event: what one committed write changed, enough to patch a copy without refetching. */
export interface DashboardUpdate<W = WireWidget> {
  revision: number;
  updatedAt: string;
  expiresAt: string;
  title: string;
  description?: string;
  theme: WireTheme;
  /** Always present, so a page can follow a reopen (dashboard_set feedback). */
  feedback: boolean;
  /** Every widget id in display order. */
  order: string[];
  /** Widgets added or modified by this write, ready to render. */
  changed: W[];
  removed: string[];
}

/** GET /api/info: who this server is and where its MCP endpoint lives. */
export interface ServerInfo {
  name: string;
  version: string;
  mcpUrl: string;
  publicUrl: string;
  /** How long a dashboard lives without activity from the assistant (--ttl), so pages can say it truthfully. */
  ttlMs?: number;
}

/** What the page sends back (POST /api/dashboard/<id>/feedback). */
export interface FeedbackInput {
  kind: FeedbackKind;
  widget?: string;
  data: Record<string, unknown>;
  viewer: string;
}

/** What the consent page shows about a client asking for access: all of it text, none of it trusted. */
export interface ConsentView {
  clientName: string;
  /** dcr: registered itself here; cimd: described by the document at clientId. */
  clientKind: 'dcr' | 'cimd';
  /** For a metadata-document client, the URL that names it. */
  clientUrl?: string;
  redirectHost: string;
  scopes: string[];
  csrf: string;
  expiresAt: string;
  /** Approves it without the password from the server's machine: `mcpdash owner approve <approveCode>`. */
  approveCode: string;
}

/** GET of a consent request the owner approved from the server's machine: where the browser goes next. */
export interface ConsentSettled {
  redirectTo: string;
}

/** GET of a pending consent request: the request plus what the page needs to ask (or skip) the password. */
export interface ConsentDetails extends ConsentView {
  ownerSignedIn: boolean;
  passwordSet: boolean;
}

export type { FeedbackKind, InboxAnswer, InboxNotice };
