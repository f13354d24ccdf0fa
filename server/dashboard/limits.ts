// Size and count bounds of a dashboard document, checked after every edit before anything is stored.
import { LimitError } from '../errors.ts';
import type { Dashboard } from './schema.ts';

export interface Limits {
  /** Serialised JSON size of the whole document, in bytes (UTF-8). */
  maxDocumentBytes: number;
  maxWidgets: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = { maxDocumentBytes: 4 * 1024 * 1024, maxWidgets: 200 };

const encoder = new TextEncoder();

/** UTF-8 byte length of the document as JSON (what the store writes and the page downloads). */
export function documentBytes(doc: Dashboard): number {
  return encoder.encode(JSON.stringify(doc)).byteLength;
}

/** Throws LimitError naming the size or count and the maximum; returns the byte size otherwise. */
export function checkLimits(doc: Dashboard, limits: Limits): number {
  if (doc.widgets.length > limits.maxWidgets) {
    throw new LimitError(
      `the dashboard would have ${doc.widgets.length} widgets; the maximum is ${limits.maxWidgets}. Remove or combine widgets first.`,
    );
  }
  const bytes = documentBytes(doc);
  if (bytes > limits.maxDocumentBytes) {
    throw new LimitError(
      `the dashboard would be ${formatBytes(bytes)}; the maximum is ${formatBytes(limits.maxDocumentBytes)}. Send less data (use keep_last, fewer rows or points, smaller images) or remove widgets.`,
    );
  }
  return bytes;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
