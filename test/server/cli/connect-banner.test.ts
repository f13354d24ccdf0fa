// The banner's connect lines: a loopback server sends Claude.ai users to a tunnel, a public one to the connector settings.
import { describe, expect, test } from 'bun:test';
import { connectBanner } from '../../../server/cli/connect-banner.ts';

describe('connectBanner', () => {
  test('on loopback, tells Claude.ai users to use a tunnel and --public-url instead of pasting a URL it cannot reach', () => {
    const app = { mcpUrl: 'http://127.0.0.1:8787/mcp', baseUrl: 'http://127.0.0.1:8787', localUrl: 'http://127.0.0.1:8787' };
    const text = connectBanner(app, { publicUrl: undefined }).join('\n');
    expect(text).toContain('Claude Code: claude mcp add --transport http mcpdash http://127.0.0.1:8787/mcp');
    expect(text).toContain('Claude.ai cannot reach 127.0.0.1:8787');
    expect(text).toContain('cloudflared tunnel --url http://127.0.0.1:8787');
    expect(text).toContain('--public-url https://<tunnel-host>');
    expect(text).not.toContain('paste the MCP URL');
  });

  test('with a public URL, says to paste the MCP URL into Claude.ai', () => {
    const app = { mcpUrl: 'https://dash.example.test/mcp', baseUrl: 'https://dash.example.test', localUrl: 'http://127.0.0.1:8787' };
    const text = connectBanner(app, { publicUrl: 'https://dash.example.test' }).join('\n');
    expect(text).toContain('Claude.ai: Settings > Connectors > Add custom connector, paste the MCP URL');
    expect(text).not.toContain('cannot reach');
    expect(text).not.toContain('Tunnel:');
  });
});
