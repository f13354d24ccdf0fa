// The CLI commands run as their own process against the data directory of a server that is running.
import { afterAll, describe, expect, test } from 'bun:test';
import { cli } from '../helpers/run-cli.ts';
import { removeTempDirs, startAppsStoppedAfterEach, tempDataDir } from '../helpers/test-app.ts';
import { PUBLIC_URL, mcpWith } from '../helpers/oauth-flow.ts';

const start = startAppsStoppedAfterEach();
afterAll(removeTempDirs);

describe('mcpdash token and owner commands', () => {
  test('create, list and revoke a static token while the server runs; the server honours each at once', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true });
    // What the server does at start (the test app skips it): the CLI prints links with this URL.
    await app.app.auth.owner.rememberPublicUrl(PUBLIC_URL);
    const dataDir = app.config.dataDir;
    const created = await cli('token', 'create', 'laptop', '--data-dir', dataDir);
    expect(created.code).toBe(0);
    const token = /mcpd_st_[\w-]+/.exec(created.stdout)?.[0];
    expect(token).toBeDefined();
    expect(created.stdout).toContain(`claude mcp add --transport http mcpdash ${PUBLIC_URL}/mcp --header "Authorization: Bearer ${token}"`);
    expect((await mcpWith(app, token!)).status).toBe(200);

    const listed = await cli('token', 'list', '--data-dir', dataDir);
    expect(listed.stdout).toContain('laptop');
    expect(listed.stdout).not.toContain(token!);

    expect((await cli('token', 'create', 'laptop', '--data-dir', dataDir)).code).toBe(1);
    const revoked = await cli('token', 'revoke', 'laptop', '--data-dir', dataDir);
    expect(revoked.code).toBe(0);
    expect((await mcpWith(app, token!)).status).toBe(401);
    expect((await cli('token', 'revoke', 'laptop', '--data-dir', dataDir)).code).toBe(1);
  });

  test('token create --scope append makes a token that may only feed data; token list shows each scope', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true });
    const dataDir = app.config.dataDir;
    const created = await cli('token', 'create', 'feeder', '--scope', 'append', '--data-dir', dataDir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('scope append');
    const token = /mcpd_st_[\w-]+/.exec(created.stdout)![0];
    expect((await cli('token', 'create', 'laptop', '--data-dir', dataDir)).code).toBe(0);
    const listed = (await cli('token', 'list', '--data-dir', dataDir)).stdout.split('\n');
    expect(listed[0]).toContain('SCOPE');
    expect(listed.find((line) => line.startsWith('feeder'))).toMatch(/^feeder\s+append\s/);
    expect(listed.find((line) => line.startsWith('laptop'))).toMatch(/^laptop\s+write\s/);
    // The running server reads the scope from the token: dashboard_open (which creates) is refused.
    const put = await fetch(app.mcpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'dashboard_open', arguments: {} } }),
    });
    expect(await put.text()).toContain('the \\"append\\" scope');
  });

  test('owner reset prints a setup link that the running server accepts once', async () => {
    const app = await start({ publicUrl: PUBLIC_URL, auth: true });
    const reset = await cli('owner', 'reset', '--data-dir', app.config.dataDir, '--public-url', PUBLIC_URL);
    expect(reset.code).toBe(0);
    const code = new RegExp(`${PUBLIC_URL}/setup#(\\S+)`).exec(reset.stdout)?.[1];
    expect(code).toBeDefined();
    const choose = () => fetch(`${app.url}/api/console/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, password: 'chosen after reset' }) });
    expect((await choose()).status).toBe(200);
    expect((await choose()).status).toBe(401);
    expect(await app.app.auth.owner.checkPassword('chosen after reset')).toBe(true);
  });

  test('refuses a data directory without mcpdash data, bad names and flags the command does not take', async () => {
    const empty = await cli('token', 'list', '--data-dir', tempDataDir());
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no mcpdash data');
    const badName = await cli('token', 'create', 'has space');
    expect(badName.code).toBe(2);
    const badFlag = await cli('token', 'list', '--port', '1');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('does not take --port');
  });
});
