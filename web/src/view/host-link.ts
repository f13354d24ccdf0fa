// The view's end of the MCP Apps channel (extension io.modelcontextprotocol/ui, protocol 2026-01-26): JSON-RPC 2.0
// over postMessage with the host. It speaks the same messages as the extension's own `App` class (which the test
// host's AppBridge talks to), written small because `App` brings the SDK's protocol layer and zod (~230 KB minified)
// and the whole view must stay under the 1 MiB hosts accept. Types come from the package; no code does.
import type {
  McpUiHostCapabilities,
  McpUiHostContext,
  McpUiInitializeResult,
  McpUiToolInputNotification,
  McpUiToolResultNotification,
} from '@modelcontextprotocol/ext-apps';

export const UI_PROTOCOL_VERSION = '2026-01-26';

type Json = Record<string, unknown>;
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
}

export interface CallToolResult {
  isError?: boolean;
  content?: unknown[];
  structuredContent?: Json;
}

export class HostLink {
  ontoolinput?: (params: McpUiToolInputNotification['params']) => void;
  ontoolresult?: (params: McpUiToolResultNotification['params']) => void;
  ontoolcancelled?: () => void;
  onhostcontextchanged?: (params: McpUiHostContext) => void;
  onteardown?: () => void;

  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private hostCapabilities: McpUiHostCapabilities = {};
  private hostContext: McpUiHostContext = {};
  private readonly target: Window;

  constructor(
    private readonly appInfo: { name: string; version: string },
    private readonly appCapabilities: Json,
    target: Window = window.parent,
  ) {
    this.target = target;
  }

  /** Starts listening, completes ui/initialize, then reports the view's size on every layout change. */
  async connect(options: { autoResize?: boolean } = {}): Promise<void> {
    window.addEventListener('message', (event) => {
      // Only the host (the frame above) speaks to the view.
      if (event.source !== this.target) return;
      const data = event.data as Message | undefined;
      if (data?.jsonrpc === '2.0') this.receive(data);
    });
    const result = (await this.request('ui/initialize', {
      appInfo: this.appInfo,
      appCapabilities: this.appCapabilities,
      protocolVersion: UI_PROTOCOL_VERSION,
    })) as McpUiInitializeResult;
    this.hostCapabilities = result.hostCapabilities ?? {};
    this.hostContext = result.hostContext ?? {};
    this.notify('ui/notifications/initialized', {});
    if (options.autoResize !== false) this.reportSize();
  }

  getHostCapabilities = (): McpUiHostCapabilities => this.hostCapabilities;
  getHostContext = (): McpUiHostContext => this.hostContext;

  callServerTool(params: { name: string; arguments: Json }, options: CallOptions = {}): Promise<CallToolResult> {
    return this.request('tools/call', params, options) as Promise<CallToolResult>;
  }
  openLink(params: { url: string }): Promise<unknown> {
    return this.request('ui/open-link', params);
  }
  downloadFile(params: { contents: unknown[] }): Promise<unknown> {
    return this.request('ui/download-file', params);
  }
  updateModelContext(params: { content?: unknown[]; structuredContent?: Json }): Promise<unknown> {
    return this.request('ui/update-model-context', params);
  }
  requestDisplayMode(params: { mode: 'inline' | 'fullscreen' | 'pip' }): Promise<unknown> {
    return this.request('ui/request-display-mode', params);
  }

  private post(message: Message): void {
    this.target.postMessage(message, '*');
  }

  private notify(method: string, params: Json): void {
    this.post({ jsonrpc: '2.0', method, params });
  }

  private request(method: string, params: Json, options: CallOptions = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const abort = (): void => {
        // Tell the host it may stop (it forwards the cancel to the server), like the SDK's Protocol does.
        this.notify('notifications/cancelled', { requestId: id, reason: 'cancelled by the view' });
        finish(new Error('cancelled'));
      };
      const finish = (error: Error | undefined, value?: unknown): void => {
        this.pending.delete(id);
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
        if (error) reject(error);
        else resolve(value);
      };
      if (options.signal?.aborted) return reject(new Error('cancelled'));
      this.pending.set(id, { resolve: (value) => finish(undefined, value), reject: (error) => finish(error) });
      options.signal?.addEventListener('abort', abort, { once: true });
      timer = setTimeout(() => {
        this.notify('notifications/cancelled', { requestId: id, reason: 'timed out' });
        finish(new Error(`${method} timed out`));
      }, options.timeout ?? 60_000);
      this.post({ jsonrpc: '2.0', id, method, params });
    });
  }

  private receive(message: Message): void {
    if (message.method === undefined) {
      const waiting = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (!waiting) return;
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
      return;
    }
    const params = message.params ?? {};
    switch (message.method) {
      case 'ui/notifications/tool-input':
        this.ontoolinput?.(params as McpUiToolInputNotification['params']);
        break;
      case 'ui/notifications/tool-result':
        this.ontoolresult?.(params as McpUiToolResultNotification['params']);
        break;
      case 'ui/notifications/tool-cancelled':
        this.ontoolcancelled?.();
        break;
      case 'ui/notifications/host-context-changed':
        this.hostContext = { ...this.hostContext, ...(params as McpUiHostContext) };
        this.onhostcontextchanged?.(params as McpUiHostContext);
        break;
      case 'ui/resource-teardown':
        this.onteardown?.();
        break;
    }
    if (message.id === undefined) return;
    // Requests the view knows (teardown, ping) succeed; any other is not offered here.
    if (message.method === 'ui/resource-teardown' || message.method === 'ping') this.post({ jsonrpc: '2.0', id: message.id, result: {} });
    else this.post({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } });
  }

  /** The height the content needs (not the frame's), sent whenever it changes: the host sizes the frame to it. */
  private reportSize(): void {
    let queued = false;
    let last = '';
    const measure = (): void => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        const html = document.documentElement;
        const before = html.style.height;
        html.style.height = 'max-content';
        const height = Math.ceil(html.getBoundingClientRect().height);
        html.style.height = before;
        const width = Math.ceil(window.innerWidth);
        if (`${width}x${height}` === last) return;
        last = `${width}x${height}`;
        this.notify('ui/notifications/size-changed', { width, height });
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.documentElement);
    observer.observe(document.body);
  }
}
