// What one revision's history entry says, and when a write joins the previous entry instead of making its own:
// consecutive data_append calls to the same widgets are one entry (the newest state), so a stream of appends cannot
// push the layout it streams into out of the history window; the entry keeps the request keys of every call it
// stands for, so a retry of any of them is still recognised.

/** A revision as listed to the model (dashboard_history). */
export interface HistoryEntry {
  revision: number;
  at: string;
  tool: string;
  summary: string;
}

/** The caller's id for a call and a digest of its content (see WriteMeta.request in dashboards.ts). */
export interface RequestKey {
  id: string;
  digest: string;
}

/** A request key with the revision its call made. */
export type StoredRequest = RequestKey & { revision: number };

/** A history entry as stored: appends note which widgets they changed and how many appends the entry stands for. */
export interface StoredEntry extends HistoryEntry {
  widgets?: string[];
  appends?: number;
  /** The request keys of the calls this entry stands for, each with the revision it made (kept when coalesced). */
  requests?: StoredRequest[];
}

/** Request keys one coalesced entry remembers: a retry comes within moments of its first try, not 50 appends later. */
const MAX_REQUESTS_PER_ENTRY = 50;

const sameWidgets = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((w, i) => w === b[i]);

export interface EntryInput {
  revision: number;
  at: string;
  tool: string;
  summary: string;
  /** Widget ids the write changed. */
  changed: string[];
  request?: RequestKey;
}

/** The entry for a write, and whether it takes the place of `previous` (the current revision's entry). */
export function nextHistoryEntry(previous: StoredEntry | undefined, input: EntryInput): { entry: StoredEntry; coalesce: boolean } {
  const append = input.tool === 'data_append';
  const coalesce = append && previous?.tool === 'data_append' && sameWidgets(previous.widgets, input.changed);
  const appends = append ? (coalesce ? (previous?.appends ?? 1) + 1 : 1) : undefined;
  const summary = appends !== undefined && appends > 1 ? `${input.summary} (the last of ${appends} appends in a row, kept as one revision)` : input.summary;
  const entry: StoredEntry = { revision: input.revision, at: input.at, tool: input.tool, summary, ...(appends !== undefined ? { widgets: input.changed, appends } : {}) };
  const requests = [...(coalesce ? (previous?.requests ?? []) : []), ...(input.request ? [{ ...input.request, revision: input.revision }] : [])].slice(-MAX_REQUESTS_PER_ENTRY);
  if (requests.length > 0) entry.requests = requests;
  return { entry, coalesce };
}

/** The key of the call with this request id, if the entry stands for it. */
export const requestIn = (entry: StoredEntry, requestId: string): StoredRequest | undefined => entry.requests?.find((r) => r.id === requestId);
