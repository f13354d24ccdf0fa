// The four servers the benchmark compares: mcpdash (compiled binary) and its three peers in bench/peers/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BINARY, ROOT } from './mcpdash-process.ts';
import { spawnServer, type ServerProcess } from './spawn-server.ts';

export type TargetKey = 'mcpdash' | 'node-express' | 'bun-hono' | 'bun-hono-v2' | 'bare-bun';

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
  launch: (port: number, options?: LaunchOptions) => { cmd: string[]; cleanup?: () => void };
}

const bun = process.execPath;

export const TARGETS: BenchTarget[] = [
  {
    key: 'mcpdash',
    eras: ['2025', '2026'],
    label: 'dist/mcpdash --conformance-fixtures (compiled binary, LMDB-backed sessions, default log level)',
    launch: (port, { extraArgs = [], fixtures = true } = {}) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mcpdash-'));
      return {
        cmd: [BINARY, '--port', String(port), '--data-dir', dataDir, ...(fixtures ? ['--conformance-fixtures'] : []), ...extraArgs],
        cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
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

/** Start a target on any free port and wait for its MCP URL. */
export function startTarget(target: BenchTarget, options?: LaunchOptions): Promise<ServerProcess> {
  const { cmd, cleanup } = target.launch(0, options);
  return spawnServer(cmd, target.key, { cwd: ROOT, cleanup });
}

/** A port that was free a moment ago (for start-up timing, where the URL must be known before the process prints it). */
export function freePort(): number {
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response(null) });
  const port = server.port;
  void server.stop(true);
  if (port === undefined) throw new Error('could not find a free port');
  return port;
}
