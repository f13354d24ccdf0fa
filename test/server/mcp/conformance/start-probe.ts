// Run by loading.test.ts in a fresh process: starts the app (flag on or off, as argv[2] says) and prints, as JSON, the
// files under server/mcp/conformance/ that Bun loaded. A Bun plugin registered before the app is imported sees
// every module load, so this is what a start really loads, not what the import statements suggest.
import { plugin } from 'bun';

const loaded: string[] = [];
plugin({
  name: 'record-conformance-loads',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]mcp[\\/]conformance[\\/].*\.ts$/ }, async ({ path }) => {
      loaded.push(path.replace(/.*[\\/]server[\\/]/, 'server/'));
      return { contents: await Bun.file(path).text(), loader: 'ts' };
    });
  },
});

const { startApp } = await import('../../../../server/app.ts');
const { silentLogger } = await import('../../../../server/logger.ts');
const { testConfig, removeTempDirs } = await import('../../helpers/test-app.ts');

const running = await startApp(testConfig({ conformanceFixtures: process.argv[2] === 'on' }), silentLogger);
// A first MCP request builds a server, the point where fixtures would be registered.
await fetch(running.mcpUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'probe', version: '1' } } }),
}).then((response) => response.text());
await running.stop();
removeTempDirs();
console.log(JSON.stringify(loaded.sort()));
