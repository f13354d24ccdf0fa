// The banner's lines on how to connect. Claude.ai connects from Anthropic's servers, so a loopback URL is useless
// to it: then the lines say how to get a public URL (a tunnel and --public-url) instead of "paste the MCP URL".
import type { RunningApp } from '../app.ts';
import { isLoopback } from '../loopback.ts';

export function connectBanner(app: Pick<RunningApp, 'mcpUrl' | 'baseUrl' | 'localUrl'>, config: { publicUrl: string | undefined }): string[] {
  const claudeCode = `Claude Code: claude mcp add --transport http mcpdash ${app.mcpUrl}`;
  if (isLoopback(new URL(app.baseUrl).hostname)) {
    return [
      `  Connect:      ${claudeCode}`,
      `                Claude.ai cannot reach ${new URL(app.baseUrl).host} (it connects from the internet): run a tunnel,`,
      `                e.g. cloudflared tunnel --url ${app.localUrl}, restart with --public-url https://<tunnel-host>,`,
      '                then paste https://<tunnel-host>/mcp in Claude.ai: Settings > Connectors > Add custom connector',
    ];
  }
  const lines = [`  Connect:      Claude.ai: Settings > Connectors > Add custom connector, paste the MCP URL`, `                ${claudeCode}`];
  if (!config.publicUrl) lines.push('  Tunnel:       behind cloudflared/Tailscale/ngrok, restart with --public-url https://<tunnel-host>');
  return lines;
}
