// Browser side of the test host (bundled for Chromium by app-host.ts): the extension's own AppBridge, set up the way
// its reference host does it: a sandbox proxy page on a second origin frames the view; tool calls and resource reads
// from the view go to the test's MCP client (window.mcpRequest, exposed by Playwright).
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';

declare global {
  interface Window {
    mcpRequest(method: string, params: unknown): Promise<unknown>;
    hostLog(kind: string, data: unknown): void;
    mountView(options: { proxyUrl: string; html: string; toolInput: unknown; toolResult: unknown; theme: 'light' | 'dark'; width: number }): Promise<void>;
    setHostTheme(theme: 'light' | 'dark'): void;
    teardownView(): Promise<void>;
  }
}

let bridge: AppBridge | undefined;
let context: McpUiHostContext = {};

window.mountView = async (options) => {
  const frame = document.createElement('iframe');
  frame.id = 'proxy';
  frame.style.width = `${options.width}px`;
  frame.style.height = '200px';
  frame.style.border = '0';
  // The reference host's proxy frame: scripts and same-origin (its own origin, not this page's).
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  document.body.append(frame);

  context = {
    theme: options.theme,
    displayMode: 'inline',
    availableDisplayModes: ['inline', 'fullscreen'],
    containerDimensions: { maxHeight: 6000, width: options.width },
    platform: 'web',
  };
  bridge = new AppBridge(
    null,
    { name: 'mcpdash-test-host', version: '1.0.0' },
    { openLinks: {}, downloadFile: {}, serverTools: {}, serverResources: {}, updateModelContext: { text: {} }, logging: {} },
    { hostContext: context },
  );
  const b = bridge;
  b.oncalltool = async (params) => (await window.mcpRequest('tools/call', params)) as never;
  b.onreadresource = async (params) => (await window.mcpRequest('resources/read', params)) as never;
  b.onsizechange = (size) => {
    if (size.height !== undefined) frame.style.height = `${size.height}px`;
    window.hostLog('size', size);
  };
  b.onopenlink = async (params) => {
    window.hostLog('open-link', params);
    return {};
  };
  b.ondownloadfile = async (params) => {
    window.hostLog('download', params);
    return {};
  };
  b.onupdatemodelcontext = async (params) => {
    window.hostLog('model-context', params);
    return {};
  };
  b.onrequestdisplaymode = async (params) => {
    window.hostLog('display-mode', params);
    context = { ...context, displayMode: params.mode };
    b.setHostContext(context);
    return { mode: params.mode };
  };
  b.onloggingmessage = (params) => window.hostLog('log', params);
  const initialized = new Promise<void>((resolve) => (b.oninitialized = () => resolve()));
  b.onsandboxready = () => void b.sendSandboxResourceReady({ html: options.html, sandbox: 'allow-scripts allow-same-origin allow-forms' });
  // Listen before the proxy loads: it announces itself as soon as it runs (the window object outlives navigation).
  await b.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!));
  frame.src = options.proxyUrl;
  await initialized;
  window.hostLog('initialized', Date.now());
  await b.sendToolInput({ arguments: options.toolInput as Record<string, unknown> });
  await b.sendToolResult(options.toolResult as never);
  window.hostLog('tool-result-sent', Date.now());
};

window.setHostTheme = (theme) => {
  context = { ...context, theme };
  bridge?.setHostContext(context);
};

window.teardownView = async () => {
  await bridge?.teardownResource({});
};
