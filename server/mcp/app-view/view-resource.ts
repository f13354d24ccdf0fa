// The MCP Apps UI resource ui://mcpdash/dashboard: the in-chat view's HTML, declared the way hosts look for it
// (extension io.modelcontextprotocol/ui), with a CSP that lets the view reach nothing outside itself.
import type { McpServer } from '@modelcontextprotocol/server';
import { EXTENSION_ID, RESOURCE_MIME_TYPE, registerAppResource } from '@modelcontextprotocol/ext-apps/server';
import { viewHtmlFile } from './view-html.ts';

export const VIEW_RESOURCE_URI = 'ui://mcpdash/dashboard';

/** The server capability hosts read before they render apps (the ext-apps helpers do not declare it). */
export const UI_EXTENSION_CAPABILITY = { [EXTENSION_ID]: { mimeTypes: [RESOURCE_MIME_TYPE] } };

/** What a tool that shows the dashboard in the chat carries (both spellings: `ui.resourceUri` and the legacy key). */
export const VIEW_TOOL_META = { ui: { resourceUri: VIEW_RESOURCE_URI }, 'ui/resourceUri': VIEW_RESOURCE_URI };

/** App-only tools: hosts hide them from the model; only the view calls them. */
export const APP_ONLY_TOOL_META = { ui: { visibility: ['app'] } };

// Empty lists: the view loads nothing from any origin and talks only to its host (postMessage).
const RESOURCE_UI_META = { csp: { connectDomains: [] as string[], resourceDomains: [] as string[] }, prefersBorder: true };

/** Served by a build without the view (a plain `bun run`, or a build whose view step failed). */
export const FALLBACK_VIEW_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mcpdash</title></head>' +
  '<body style="font:14px system-ui,sans-serif;margin:12px">This mcpdash build has no in-chat view. ' +
  'The dashboard link in the assistant\'s reply opens the full page.</body></html>';

let cached: Promise<string> | undefined;

/** The view's HTML, read once from the binary; the fallback when this build has none. */
export function viewHtml(file: string | null = viewHtmlFile): Promise<string> {
  if (!file) return Promise.resolve(FALLBACK_VIEW_HTML);
  cached ??= Bun.file(file)
    .text()
    .catch(() => FALLBACK_VIEW_HTML);
  return cached;
}

export function registerViewResource(server: McpServer): void {
  registerAppResource(
    server,
    'Dashboard view',
    VIEW_RESOURCE_URI,
    {
      description: 'The live dashboard drawn inside the conversation (MCP Apps view); the same dashboard as its page.',
      _meta: { ui: RESOURCE_UI_META },
    },
    async () => ({
      contents: [{ uri: VIEW_RESOURCE_URI, mimeType: RESOURCE_MIME_TYPE, text: await viewHtml(), _meta: { ui: RESOURCE_UI_META } }],
    }),
  );
}
