// The four servers the benchmark compares: mcpdash (compiled binary) and its three peers in bench/peers/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BINARY, ROOT } from './mcpdash-process.ts';
import { spawnServer, type ServerProcess } from './spawn-server.ts';

export type TargetKey = 'mcpdash' | 'mcpdash-auth' | 'mcpdash-baseline' | 'node-express' | 'bun-hono' | 'bun-hono-v2' | 'bare-bun';

/** The protocol eras a server speaks in the throughput cases: 2025 sessions, 2026-07-28 stateless requests. */
export type Era = '2025' | '2026';

export interface LaunchOptions {
  /** mcpdash only: more flags. */
  extraArgs?: string[];
  /** mcpdash only: register the conformance fixtures (test_simple_text); default true. */
  fixtures?: boolean;
}

export interface BenchTarget {
  key: TargetKey;
  eras: Era[];
  /** One line saying what it is, for the table legend. */
  label: string;
  /** The command line for one process on `port` (0 = any), and what to remove after it exits. */
  launch: (port: number, options?: LaunchOptions) => { cmd: string[]; cleanup?: () => void; dataDir?: string };
  /** Once it runs: the headers every request must carry (a bearer token when auth is on). */
  authorize?: (dataDir: string) => Record<string, string>;
}

/**
 * Flags every benchmarked mcpdash gets: the load comes from one address, and the per-client bound on /mcp
 * (600 requests a minute by default) would answer nearly all of it with 429.
 */
export const BENCH_MCPDASH_ARGS = ['--mcp-rate', '1000000'];

/** The compiled binary on a fresh data dir, with the conformance fixtures (test_simple_text) unless told otherwise. */
function launchMcpdash(port: number, { extraArgs = [], fixtures = true }: LaunchOptions = {}, authArgs: string[] = []) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcpdash-'));
  return {
    cmd: [BINARY, '--port', String(port), '--data-dir', dataDir, ...(fixtures ? ['--conformance-fixtures'] : []), ...BENCH_MCPDASH_ARGS, ...authArgs, ...extraArgs],
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
    dataDir,
  };
}

/** A static token made with the binary's own command while the server runs, as a user gives one to Claude Code. */
function staticToken(dataDir: string): Record<string, string> {
  const made = Bun.spawnSync([BINARY, 'token', 'create', 'bench', '--data-dir', dataDir]);
  const token = /\b(mcpd_\S+)/.exec(made.stdout.toString())?.[1];
  if (made.exitCode !== 0 || !token) throw new Error(`token create failed: ${made.stdout.toString()}${made.stderr.toString()}`);
  return { authorization: `Bearer ${token}` };
}

const bun = process.execPath;
/** Path of an earlier mcpdash binary to measure beside this one (config comes from the bench's own environment). */
const BASELINE = process.env.MCPDASH_BENCH_BASELINE;

const ALL_TARGETS: BenchTarget[] = [
  {
    key: 'mcpdash',
    eras: ['2025', '2026'],
    label: 'dist/mcpdash --conformance-fixtures (compiled binary, LMDB-backed sessions, default log level, auth off on loopback)',
    launch: (port, options) => launchMcpdash(port, options),
  },
  {
    key: 'mcpdash-auth',
    eras: ['2025', '2026'],
    label: 'the same with --auth on: every request carries a static token (mcpdash token create), verified against its hash',
    launch: (port, options) => launchMcpdash(port, options, ['--auth', 'on']),
    authorize: staticToken,
  },
  {
    key: 'mcpdash-baseline',
    eras: ['2025'],
    label: `an earlier mcpdash build for before/after figures: MCPDASH_BENCH_BASELINE=${BASELINE ?? '<path to its dist/mcpdash>'} (run only when set)`,
    // The same flags as this build, so both meet the same bounds (a build from before --mcp-rate will not start: give
    // it the flags it knows by building an older bench with it). Earlier builds serve the 2025 era only.
    launch: (port, { fixtures = true } = {}) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mcpdash-'));
      return {
        cmd: [BASELINE!, '--port', String(port), '--data-dir', dataDir, ...(fixtures ? ['--conformance-fixtures'] : []), ...BENCH_MCPDASH_ARGS],
        cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
        dataDir,
      };
    },
  },
  {
    key: 'node-express',
    eras: ['2025'],
    label: 'peer 1: SDK StreamableHTTPServerTransport on Node + Express, in-memory (bench/peers/node-express.mjs)',
    launch: (port) => ({ cmd: [Bun.which('node') ?? 'node', join(ROOT, 'bench', 'peers', 'node-express.mjs'), String(port)] }),
  },
  {
    key: 'bun-hono',
    eras: ['2025'],
    label: 'peer 2: SDK WebStandardStreamableHTTPServerTransport on Bun + Hono, in-memory (bench/peers/bun-hono.ts)',
    launch: (port) => ({ cmd: [bun, 'run', join(ROOT, 'bench', 'peers', 'bun-hono.ts'), String(port)] }),
  },
  {
    key: 'bun-hono-v2',
    eras: ['2026'],
    label: 'peer 3: SDK v2 createMcpHandler on Bun + Hono, a server per request, nothing persisted (bench/peers/bun-hono-v2.ts)',
    launch: (port) => ({ cmd: [bun, 'run', join(ROOT, 'bench', 'peers', 'bun-hono-v2.ts'), String(port)] }),
  },
  {
    key: 'bare-bun',
    eras: ['2025'],
    label: 'ceiling: bare Bun.serve, canned SSE-framed JSON-RPC result (bench/peers/bare-bun.ts)',
    launch: (port) => ({ cmd: [bun, 'run', join(ROOT, 'bench', 'peers', 'bare-bun.ts'), String(port)] }),
  },
];

/** Every target this run can start: the baseline only when MCPDASH_BENCH_BASELINE names one. */
export const TARGETS: BenchTarget[] = ALL_TARGETS.filter((t) => t.key !== 'mcpdash-baseline' || BASELINE !== undefined);

/** Start a target on any free port and wait for its MCP URL. */
export async function startTarget(target: BenchTarget, options?: LaunchOptions): Promise<ServerProcess> {
  const { cmd, cleanup, dataDir } = target.launch(0, options);
  const server = await spawnServer(cmd, target.key, { cwd: ROOT, cleanup });
  if (!target.authorize || !dataDir) return server;
  try {
    return { ...server, headers: target.authorize(dataDir) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A port that was free a moment ago (for start-up timing, where the URL must be known before the process prints it). */
export function freePort(): number {
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response(null) });
  const port = server.port;
  void server.stop(true);
  if (port === undefined) throw new Error('could not find a free port');
  return port;
}
