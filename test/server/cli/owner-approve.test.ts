// `mcpdash owner approve` run as its own process: it sees the requests the running server holds for the owner, and
// approves one without the password through the control socket; the consent page then goes on to the client.
import { afterAll, describe, expect, test } from 'bun:test';
import { cli } from '../helpers/run-cli.ts';
import { statSync } from 'node:fs';
import { startControlSocket, controlSocketPath } from '../../../server/http/control-socket.ts';
import { silentLogger } from '../../../server/logger.ts';
import { authAppsStoppedAfterEach, CLAUDE_CALLBACK, consentDetails, exchangeCode, pkce, registerClaude, startConsent } from '../helpers/oauth-flow.ts';
import { removeTempDirs } from '../helpers/test-app.ts';

const { startAuth } = authAppsStoppedAfterEach();
afterAll(removeTempDirs);

describe('mcpdash owner approve', () => {
  test('lists the waiting client with its code, approves it without a password, and the consent page gets the redirect once', async () => {
    const app = await startAuth();
    const dataDir = app.config.dataDir;
    const control = startControlSocket(dataDir, { pending: app.app.auth.pendingRequests, approve: app.app.auth.approveByCode }, silentLogger)!;
    try {
      // Only the owner's user may connect.
      expect(statSync(controlSocketPath(dataDir)).mode & 0o777).toBe(0o600);
      const empty = await cli('owner', 'approve', '--data-dir', dataDir);
      expect(empty.stdout).toContain('No client is waiting');

      const client = await registerClaude(app);
      const { verifier, challenge } = pkce();
      const requestId = await startConsent(app, client, challenge);
      const { approveCode } = await (await consentDetails(app, requestId)).json();
      const listed = await cli('owner', 'approve', '--data-dir', dataDir);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(`${approveCode}  Claude (registered here), sends you back to claude.ai`);

      const wrong = await cli('owner', 'approve', 'ZZZZZZZZ', '--data-dir', dataDir);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('No waiting request has that code');

      const approved = await cli('owner', 'approve', `${approveCode.slice(0, 4)}-${approveCode.slice(4)}`.toLowerCase(), '--data-dir', dataDir);
      expect(approved.code).toBe(0);
      expect(approved.stdout).toContain('Approved Claude');
      const settled = await (await consentDetails(app, requestId)).json();
      const callback = new URL(settled.redirectTo);
      expect(callback.origin + callback.pathname).toBe(CLAUDE_CALLBACK);
      expect((await exchangeCode(app, client, callback.searchParams.get('code')!, verifier)).status).toBe(200);
      // Once: the page's next look finds nothing to answer.
      expect((await consentDetails(app, requestId)).status).toBe(404);
    } finally {
      await control.stop();
    }
  });

  test('says so when no server with auth on runs on the data directory', async () => {
    const app = await startAuth();
    const result = await cli('owner', 'approve', 'ABCD2345', '--data-dir', app.config.dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no running mcpdash server with auth on');
  });
});
