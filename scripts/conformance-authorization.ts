// `bun run scripts/conformance-authorization.ts`: runs the official authorization-server conformance scenarios
// (@modelcontextprotocol/conformance `authorization`: authorization-server-metadata-endpoint and
// authorization-code-grant) against mcpdash's issuer, with the owner's consent given in real Chromium: the suite
// prints the authorization URL, Chromium opens it, types the owner password and clicks Approve, and the browser
// lands on the suite's own callback. Ends with "N passed, M failed".
// Usage: bun run scripts/conformance-authorization.ts [--source|--binary]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startMcpdash, type LaunchMode, type McpdashProcess } from '../bench/lib/mcpdash-process.ts';
import { hasChromium, launchChromium } from '../test/e2e/helpers/chromium.ts';
import { answerInBrowser } from '../test/e2e/helpers/browser-consent.ts';

const SUITE_CLI = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const SCENARIOS = ['authorization-server-metadata-endpoint', 'authorization-code-grant'];
const PASSWORD = 'conformance owner password';
const SUITE_TIMEOUT_MS = 3 * 60_000;

interface Check {
  id: string;
  status: string;
  description?: string;
  errorMessage?: string;
}

function parseMode(argv: string[]): LaunchMode {
  if (argv.length === 0) return 'auto';
  if (argv.length === 1 && (argv[0] === '--source' || argv[0] === '--binary')) return argv[0] === '--source' ? 'source' : 'binary';
  console.error('conformance-authorization: arguments are --source or --binary');
  process.exit(2);
}

/** A port nothing listens on right now, for the suite's callback server. */
function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** Registers the suite as a public client whose redirect URI is the suite's callback. */
async function registerSuite(issuer: string, callbackPort: number): Promise<string> {
  const res = await fetch(`${issuer}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'MCP conformance suite', redirect_uris: [`http://127.0.0.1:${callbackPort}/callback`], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] }),
  });
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { client_id: string }).client_id;
}

/** Runs the suite; answers the consent in Chromium as soon as it prints the authorization URL. */
async function runSuite(issuer: string, clientId: string, callbackPort: number, outDir: string): Promise<{ output: string; exitCode: number | null; consent?: string }> {
  const proc = Bun.spawn(
    [process.execPath, '--bun', SUITE_CLI, 'authorization', '--url', issuer, '--client-id', clientId, '--resource', `${issuer}/mcp`, '--port', String(callbackPort), '-o', outDir],
    { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' },
  );
  const timer = setTimeout(() => proc.kill('SIGKILL'), SUITE_TIMEOUT_MS);
  const browser = await launchChromium();
  let output = '';
  let consent: Promise<unknown> | undefined;
  let consentProblem: string | undefined;
  const watch = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      output += decoder.decode(read.value, { stream: true });
      const url = output.match(new RegExp(`^${issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/authorize\\?\\S+`, 'm'))?.[0];
      if (url && !consent) {
        consent = answerInBrowser(browser, url, { password: PASSWORD, callback: `http://127.0.0.1:${callbackPort}/callback`, deliver: true }).catch((error: unknown) => {
          consentProblem = error instanceof Error ? error.message : String(error);
        });
      }
    }
  };
  try {
    await Promise.all([watch(proc.stdout), watch(proc.stderr)]);
    await proc.exited;
    await consent;
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
  return { output, exitCode: proc.exitCode, consent: consentProblem };
}

function collect(outDir: string): { scenario: string; checks: Check[]; problem?: string }[] {
  const dirs = readdirSync(outDir);
  return SCENARIOS.map((scenario) => {
    const dir = dirs.find((d) => d.startsWith(`authorization-server-${scenario}-`));
    if (!dir) return { scenario, checks: [], problem: 'the suite wrote no checks.json for it' };
    try {
      return { scenario, checks: JSON.parse(readFileSync(join(outDir, dir, 'checks.json'), 'utf8')) as Check[] };
    } catch (error) {
      return { scenario, checks: [], problem: `unreadable checks.json: ${String(error)}` };
    }
  });
}

async function main(): Promise<number> {
  const mode = parseMode(process.argv.slice(2));
  if (!hasChromium()) {
    console.log('conformance-authorization: Chromium is missing (/usr/bin/chromium): the consent step needs it');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), 'mcpdash-conformance-auth-'));
  const passwordFile = join(work, 'owner-password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  let server: McpdashProcess;
  try {
    // No --public-url: the issuer is http://127.0.0.1:<port>, with auth turned on explicitly.
    server = await startMcpdash({ mode, extraArgs: ['--auth', 'on', '--owner-password-file', passwordFile] });
  } catch (error) {
    console.log(`conformance-authorization: mcpdash did not start: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    rmSync(work, { recursive: true, force: true });
    return 1;
  }
  try {
    const issuer = server.baseUrl;
    const callbackPort = freePort();
    const clientId = await registerSuite(issuer, callbackPort);
    console.log(`conformance-authorization: ${server.label}, issuer ${issuer}`);
    const outDir = join(work, 'results');
    const started = performance.now();
    const { output, exitCode, consent } = await runSuite(issuer, clientId, callbackPort, outDir);
    const results = collect(outDir);
    let passed = 0;
    let failed = 0;
    for (const result of results) {
      const bad = result.checks.filter((c) => c.status === 'FAILURE');
      const ok = result.checks.filter((c) => c.status === 'SUCCESS');
      const warnings = result.checks.filter((c) => c.status === 'WARNING');
      passed += ok.length;
      failed += bad.length + (result.problem ? 1 : 0);
      console.log(`${bad.length || result.problem ? 'FAIL' : 'ok  '} ${result.scenario}: ${ok.length} passed${warnings.length ? `, ${warnings.length} warnings` : ''}`);
      if (result.problem) console.log(`  ${result.problem}`);
      for (const check of [...bad, ...warnings]) console.log(`  - ${check.status} ${check.id}: ${check.errorMessage ?? check.description ?? ''}`);
    }
    if (consent) console.log(`the consent step in Chromium failed: ${consent}`);
    if (failed > 0 || exitCode !== 0) console.log(`\nsuite output (exit ${exitCode}):\n${output.slice(-4000)}`);
    const suiteFailed = exitCode !== 0 && failed === 0 ? 1 : 0;
    console.log(`\n${passed} passed, ${failed + suiteFailed} failed (checks; ${((performance.now() - started) / 1000).toFixed(1)}s)`);
    return failed + suiteFailed > 0 ? 1 : 0;
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

process.exit(await main());
