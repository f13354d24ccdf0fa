// Client-side downloads (Blob + object URL): nothing leaves the browser, nothing is fetched. Components save through
// the Downloader in context: the page saves in the browser, the in-chat view through its host (or offers no export).
import { createContext, useContext } from 'solid-js';

export interface Downloader {
  save(blob: Blob, filename: string): void;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** Turns a data: URL (e.g. from echarts getDataURL) into a Blob without a network request. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  if (!head.includes(';base64')) return new Blob([decodeURIComponent(body)], { type });
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function safeFilename(name: string): string {
  return name.replace(/[^a-z0-9_-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'widget';
}

/**
 * The page's downloader; the in-chat view provides the host's, or null where the host offers none (null, not
 * undefined: Solid gives a Provider's undefined value the default).
 */
export const DownloadContext = createContext<Downloader | null>({ save: (blob, filename) => downloadBlob(blob, filename) });

export const useDownloader = (): Downloader | undefined => useContext(DownloadContext) ?? undefined;
