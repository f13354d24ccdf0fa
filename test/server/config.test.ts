import { describe, expect, test } from 'bun:test';
import { baseUrl, ConfigError, parseCli } from '../../server/config.ts';
import { parseDuration } from '../../server/config-values.ts';

const run = (argv: string[], env: Record<string, string> = {}) => {
  const result = parseCli(argv, env);
  if (result.kind !== 'run') throw new Error(`expected run, got ${result.kind}`);
  return result.config;
};
const failure = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parseCli(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  test('defaults: 127.0.0.1:8787, ./mcpdash-data, 24 h TTL', () => {
    const config = run([]);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, dataDir: './mcpdash-data', ttlMs: 86_400_000, strictSessions: false, logLevel: 'info' });
  });

  test('flags win over env, env over defaults', () => {
    expect(run(['--port', '9001'], { MCPDASH_PORT: '9002' }).port).toBe(9001);
    expect(run([], { MCPDASH_PORT: '9002', MCPDASH_TTL: '30m', MCPDASH_STRICT_SESSIONS: 'true' })).toMatchObject({ port: 9002, ttlMs: 1_800_000, strictSessions: true });
    expect(run(['--ttl=90s']).ttlMs).toBe(90_000);
  });

  test('--allowed-origin repeats, env takes a comma-separated list, values normalise to origins', () => {
    expect(run(['--allowed-origin', 'https://claude.ai/', '--allowed-origin', 'http://x.test:8080/path']).allowedOrigins).toEqual(['https://claude.ai', 'http://x.test:8080']);
    expect(run([], { MCPDASH_ALLOWED_ORIGIN: 'https://a.test, https://b.test' }).allowedOrigins).toEqual(['https://a.test', 'https://b.test']);
  });

  test('bad values give one line naming the flag and the expected form', () => {
    expect(failure(['--port', 'eighty'])).toBe("invalid --port 'eighty': expected a whole number from 0 to 65535");
    expect(failure(['--ttl', '10'])).toContain('expected a duration like 90s, 30m or 24h');
    expect(failure(['--public-url', 'example.com'])).toContain('--public-url');
    expect(failure(['--nope'])).toBe('unknown flag --nope (see --help)');
    expect(failure(['--port'])).toBe('--port needs a value: --port <n>');
    expect(failure([], { MCPDASH_LOG_LEVEL: 'loud' })).toContain('MCPDASH_LOG_LEVEL');
    expect(failure(['serve'])).toContain("unexpected argument 'serve'");
  });

  test('--help lists every public flag with its env var; --version prints the version', () => {
    const help = parseCli(['--help'], {});
    expect(help.kind).toBe('help');
    for (const flag of ['--port', '--host', '--data-dir', '--public-url', '--ttl', '--allowed-origin', '--strict-sessions', '--log-level', 'MCPDASH_PUBLIC_URL']) {
      expect(help.kind === 'help' && help.text).toContain(flag);
    }
    expect(help.kind === 'help' && help.text).not.toContain('conformance');
    // Every flag's description starts in the same column, --help and --version included.
    const flagLines = (help.kind === 'help' ? help.text : '').split('\n').filter((line) => line.startsWith('  --'));
    const descriptionColumn = (line: string) => /^ {2}--\S+(?: <[^>]+>)?\s+/.exec(line)?.[0].length;
    expect(new Set(flagLines.map(descriptionColumn))).toEqual(new Set([31]));
    const version = parseCli(['--version'], {});
    expect(version.kind === 'version' && version.text).toMatch(/^mcpdash \d+\.\d+\.\d+$/);
  });

  test('--max-data takes a size (default 1 GiB), also from MCPDASH_MAX_DATA', () => {
    expect(run([]).maxDataBytes).toBe(1024 ** 3);
    expect(run(['--max-data', '2mb']).maxDataBytes).toBe(2 * 1024 ** 2);
    expect(run([], { MCPDASH_MAX_DATA: '512MB' }).maxDataBytes).toBe(512 * 1024 ** 2);
    expect(failure(['--max-data', 'lots'])).toBe("invalid --max-data 'lots': expected a size like 4mb or 512kb for --max-data");
  });

  test('durations and base URLs', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('0s')).toBeUndefined();
    expect(baseUrl({ publicUrl: undefined, host: '127.0.0.1', port: 8787 })).toBe('http://127.0.0.1:8787');
    expect(baseUrl({ publicUrl: 'https://x.test/base', host: '127.0.0.1', port: 8787 })).toBe('https://x.test/base');
    expect(baseUrl({ publicUrl: undefined, host: '0.0.0.0', port: 1 })).toBe('http://localhost:1');
  });

  test('auth is off only when both the bind address and the public URL are loopback; --auth overrides either way', () => {
    expect(run([]).auth).toBe(false);
    expect(run(['--public-url', 'http://localhost:8787']).auth).toBe(false);
    expect(run(['--public-url', 'https://abc.trycloudflare.com']).auth).toBe(true);
    expect(run(['--host', '0.0.0.0']).auth).toBe(true);
    expect(run(['--auth', 'on']).auth).toBe(true);
    expect(run(['--auth', 'off', '--public-url', 'https://abc.trycloudflare.com']).auth).toBe(false);
    expect(run([], { MCPDASH_AUTH: 'on' }).auth).toBe(true);
    expect(failure(['--auth', 'maybe'])).toContain('expected on or off');
  });

  test('--token-ttl takes any duration from 1 s (default 30 days); the owner password comes from the environment only', () => {
    expect(run([]).tokenTtlMs).toBe(30 * 86_400_000);
    expect(run(['--token-ttl', '1s']).tokenTtlMs).toBe(1_000);
    expect(failure(['--token-ttl', '500ms'])).toContain('at least 1s');
    expect(run([], { MCPDASH_OWNER_PASSWORD: 'from the env' }).ownerPassword).toBe('from the env');
    expect(failure(['--owner-password', 'x'])).toBe('unknown flag --owner-password (see --help)');
    expect(run(['--owner-password-file', '/run/secrets/owner']).ownerPasswordFile).toBe('/run/secrets/owner');
  });

  test('parses the token and owner commands with the flags each takes', () => {
    expect(parseCli(['token', 'create', 'laptop', '--data-dir', '/d'], {})).toMatchObject({ kind: 'command', command: { name: 'token-create', tokenName: 'laptop', scope: 'write' }, config: { dataDir: '/d' } });
    expect(parseCli(['token', 'create', 'feeder', '--scope', 'append'], {})).toMatchObject({ command: { name: 'token-create', tokenName: 'feeder', scope: 'append' } });
    expect(parseCli(['token', 'create', 'viewer', '--scope=read', '--data-dir', '/d'], {})).toMatchObject({ command: { scope: 'read' }, config: { dataDir: '/d' } });
    expect(failure(['token', 'create', 'x', '--scope', 'admin'])).toContain('--scope takes write, append, read');
    expect(failure(['token', 'list', '--scope', 'read'])).toContain('does not take --scope');
    expect(parseCli(['token', 'list'], { MCPDASH_DATA_DIR: '/e' })).toMatchObject({ kind: 'command', command: { name: 'token-list' }, config: { dataDir: '/e' } });
    expect(parseCli(['owner', 'reset', '--public-url', 'https://x.test'], {})).toMatchObject({ kind: 'command', command: { name: 'owner-reset' }, config: { publicUrl: 'https://x.test' } });
    expect(failure(['token', 'create'])).toContain('needs a name');
    expect(failure(['token', 'revoke', '../etc'])).toContain('invalid token name');
    expect(failure(['token', 'list', '--host', '0.0.0.0'])).toContain('does not take --host');
    expect(failure(['token', 'rotate'])).toBe("unknown command 'token rotate': token takes create, list or revoke (for example: mcpdash token create <name> [--scope write|append|read] [--data-dir <dir>]; see mcpdash token --help)");
    expect(failure(['token'])).toBe("'token' needs a verb: create, list or revoke (for example: mcpdash token create <name> [--scope write|append|read] [--data-dir <dir>]; see mcpdash token --help)");
    expect(failure(['token', '--data-dir', '/d'])).toStartWith("'token' needs a verb: create, list or revoke");
    expect(failure(['owner'])).toBe("'owner' needs a verb: reset or approve (for example: mcpdash owner reset [--data-dir <dir>] [--public-url <url>]; see mcpdash owner --help)");
    expect(parseCli(['owner', 'approve', 'k7qm-3xpa', '--data-dir', '/d'], {})).toMatchObject({ kind: 'command', command: { name: 'owner-approve', code: 'k7qm-3xpa' }, config: { dataDir: '/d' } });
    expect(parseCli(['owner', 'approve'], {})).toMatchObject({ kind: 'command', command: { name: 'owner-approve' } });
    expect(failure(['owner', 'approve', 'K7QM3XPA', '--public-url', 'https://x.test'])).toContain('does not take --public-url');
    const help = parseCli(['token', '--help'], {});
    expect(help.kind === 'help' && help.text).toContain('mcpdash owner reset');
  });
});
