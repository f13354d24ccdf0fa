// Configuration: one zod schema, read once at start. Precedence: flags > MCPDASH_* env vars > defaults.
import { z } from 'zod';
import { VERSION } from './version.ts';
import { isLoopback } from './loopback.ts';
import { duration, durationAtLeast, intIn, origin, size } from './config-values.ts';
import { TOKEN_SCOPES, type TokenScope } from './auth/scopes.ts';

/** Every option: flag name, env name, schema (from text), default text, help. */
const options = {
  port: { schema: intIn(0, 65535), default: '8787', arg: '<n>', help: 'TCP port to listen on (0 picks a free one)' },
  host: { schema: z.string().min(1).regex(/^[A-Za-z0-9.:[\]-]+$/, 'expected a host name or IP address'), default: '127.0.0.1', arg: '<addr>', help: 'address to bind; keep 127.0.0.1 behind a tunnel' },
  'data-dir': { schema: z.string().min(1, 'expected a directory path'), default: './mcpdash-data', arg: '<dir>', help: 'where the LMDB store lives (created 0700)' },
  'public-url': {
    schema: z.string().transform((text, ctx) => {
      try {
        const url = new URL(text);
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin + url.pathname.replace(/\/+$/, '');
      } catch {
        // fall through
      }
      ctx.addIssue({ code: 'custom', message: 'expected an http(s) URL like https://example.trycloudflare.com' });
      return z.NEVER;
    }),
    default: undefined,
    arg: '<url>',
    help: 'the URL people and Claude.ai reach this server at (tunnel URL); dashboard links use it',
  },
  ttl: { schema: duration('--ttl'), default: '24h', arg: '<duration>', help: 'how long sessions and dashboards live after the last MCP activity' },
  'allowed-origin': { schema: origin, default: undefined, arg: '<origin>', help: 'extra browser Origin allowed to call /mcp (repeatable; env: comma-separated)', repeatable: true },
  'strict-sessions': { schema: z.literal('true'), default: undefined, arg: '', help: 'answer 400 to non-initialize requests without Mcp-Session-Id (spec SHOULD; Claude.ai breaks)', flag: true },
  'trust-proxy': { schema: z.literal('true'), default: undefined, arg: '', help: 'take the client address from CF-Connecting-IP / X-Forwarded-For (only behind a proxy that sets them)', flag: true },
  'log-level': { schema: z.enum(['debug', 'info', 'warn', 'error'], { error: 'expected one of debug, info, warn, error' }), default: 'info', arg: '<level>', help: 'debug | info | warn | error' },
  'max-body': { schema: size('--max-body'), default: '8mb', arg: '<size>', help: 'largest request body accepted on /mcp (413 above)' },
  'max-document': { schema: size('--max-document'), default: '4mb', arg: '<size>', help: 'largest dashboard document (JSON bytes)' },
  'max-widgets': { schema: intIn(1, 10_000), default: '200', arg: '<n>', help: 'most widgets on one dashboard' },
  'max-data': { schema: size('--max-data'), default: '1gb', arg: '<size>', help: 'data budget for everything stored (dashboards, history, sessions); writes past it are refused' },
  'history': { schema: intIn(1, 1_000), default: '50', arg: '<n>', help: 'revisions kept per dashboard for dashboard_history/restore' },
  'max-viewers': { schema: intIn(1, 100_000), default: '50', arg: '<n>', help: 'live pages open at once per dashboard (429 past it; 1,000 over all dashboards, or this many if more)' },
  'idle-evict': { schema: duration('--idle-evict'), default: '5m', arg: '<duration>', help: 'drop an idle session from memory after this (it is rebuilt from disk on its next request)' },
  auth: {
    schema: z.enum(['on', 'off'], { error: 'expected on or off' }),
    default: undefined,
    arg: '<on|off>',
    help: 'require OAuth/static tokens on /mcp (default: on, off only when both --host and --public-url are loopback)',
  },
  'owner-password-file': { schema: z.string().min(1, 'expected a file path'), default: undefined, arg: '<path>', help: 'file whose first line is the owner password (else MCPDASH_OWNER_PASSWORD, else a setup link)' },
  'token-ttl': { schema: durationAtLeast('--token-ttl', 1_000, '1s'), default: '30d', arg: '<duration>', help: 'lifetime of OAuth access tokens (refresh tokens rotate)' },
  'mcp-rate': { schema: intIn(1, 1_000_000), default: '600', arg: '<n>', help: 'MCP requests per minute per client (per token; per address with auth off); 429 above' },
  'conformance-fixtures': { schema: z.literal('true'), default: undefined, arg: '', help: '', flag: true, hidden: true },
} as const satisfies Record<string, OptionSpec>;

interface OptionSpec {
  schema: z.ZodType<unknown, string>;
  default: string | undefined;
  arg: string;
  help: string;
  repeatable?: boolean;
  flag?: boolean;
  hidden?: boolean;
}

type OptionName = keyof typeof options;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  ttlMs: number;
  allowedOrigins: string[];
  strictSessions: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  maxBodyBytes: number;
  maxDocumentBytes: number;
  maxWidgets: number;
  historyLimit: number;
  /** The data budget: bytes the LMDB store may have in use (--max-data). */
  maxDataBytes: number;
  /** Open page streams per dashboard; the total is the larger of this and 1,000. */
  maxViewers: number;
  idleEvictMs: number;
  conformanceFixtures: boolean;
  /** Whether /mcp needs a token: --auth, else on unless both the bind address and the public URL are loopback. */
  auth: boolean;
  /** The owner password file (--owner-password-file); read at start. */
  ownerPasswordFile: string | undefined;
  /** MCPDASH_OWNER_PASSWORD (environment only: a flag would show in `ps`). */
  ownerPassword: string | undefined;
  tokenTtlMs: number;
  /** MCP requests per minute per client. */
  mcpRatePerMinute: number;
}

/** A maintenance command run against a data directory (also while the server runs). */
export type Command =
  | { name: 'token-create'; tokenName: string; scope: TokenScope }
  | { name: 'token-list' }
  | { name: 'token-revoke'; tokenName: string }
  | { name: 'owner-reset' }
  /** Without a code: list the waiting requests. */
  | { name: 'owner-approve'; code?: string };

export type CliResult =
  | { kind: 'run'; config: Config }
  | { kind: 'command'; command: Command; config: Config }
  | { kind: 'help'; text: string }
  | { kind: 'version'; text: string };

/** A bad flag or value: one line naming the flag and the expected form. main exits 2 with it. */
export class ConfigError extends Error {}

const envName = (name: string) => `MCPDASH_${name.toUpperCase().replaceAll('-', '_')}`;

export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliResult {
  if (argv[0] === 'token' || argv[0] === 'owner') return parseCommand(argv, env);
  const given = new Map<OptionName, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help', text: helpText() };
    if (arg === '--version' || arg === '-v') return { kind: 'version', text: `mcpdash ${VERSION}` };
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument '${arg}' (flags start with --; see --help)`);
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg.slice(2) : arg.slice(2, eq)) as OptionName;
    const spec: OptionSpec | undefined = options[name];
    if (!spec) throw new ConfigError(`unknown flag --${name} (see --help)`);
    let value: string;
    if (spec.flag) {
      if (eq !== -1) throw new ConfigError(`--${name} takes no value`);
      value = 'true';
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigError(`--${name} needs a value: --${name} ${spec.arg}`);
      value = next;
      i++;
    }
    given.set(name, spec.repeatable ? [...(given.get(name) ?? []), value] : [value]);
  }

  const read = (name: OptionName): unknown[] => {
    const spec: OptionSpec = options[name];
    const envValue = env[envName(name)];
    let texts = given.get(name);
    let source = `--${name}`;
    if (!texts && envValue !== undefined && envValue !== '') {
      source = envName(name);
      if (spec.flag) texts = /^(1|true|yes|on)$/i.test(envValue) ? ['true'] : [];
      else texts = spec.repeatable ? envValue.split(',').map((s) => s.trim()).filter(Boolean) : [envValue];
    }
    if (!texts && spec.default !== undefined) texts = [spec.default];
    return (texts ?? []).map((text) => {
      const result = spec.schema.safeParse(text);
      if (!result.success) {
        throw new ConfigError(`invalid ${source} '${text}': ${result.error.issues[0]?.message ?? 'bad value'}`);
      }
      return result.data;
    });
  };
  const one = <T>(name: OptionName) => read(name)[0] as T;

  return {
    kind: 'run',
    config: {
      port: one<number>('port'),
      host: one<string>('host'),
      dataDir: one<string>('data-dir'),
      publicUrl: one<string | undefined>('public-url'),
      ttlMs: one<number>('ttl'),
      allowedOrigins: read('allowed-origin') as string[],
      strictSessions: one('strict-sessions') === 'true',
      trustProxy: one('trust-proxy') === 'true',
      logLevel: one<Config['logLevel']>('log-level'),
      maxBodyBytes: one<number>('max-body'),
      maxDocumentBytes: one<number>('max-document'),
      maxWidgets: one<number>('max-widgets'),
      historyLimit: one<number>('history'),
      maxDataBytes: one<number>('max-data'),
      maxViewers: one<number>('max-viewers'),
      idleEvictMs: one<number>('idle-evict'),
      conformanceFixtures: one('conformance-fixtures') === 'true',
      auth: authDefault(one<'on' | 'off' | undefined>('auth'), one<string>('host'), one<string | undefined>('public-url')),
      ownerPasswordFile: one<string | undefined>('owner-password-file'),
      ownerPassword: env.MCPDASH_OWNER_PASSWORD || undefined,
      tokenTtlMs: one<number>('token-ttl'),
      mcpRatePerMinute: one<number>('mcp-rate'),
    },
  };
}

/** --auth as given, else on unless nothing but this machine can reach the server (a laptop with Claude Code). */
export function authDefault(given: 'on' | 'off' | undefined, host: string, publicUrl: string | undefined): boolean {
  if (given) return given === 'on';
  return !(isLoopback(host) && (publicUrl === undefined || isLoopback(new URL(publicUrl).hostname)));
}

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Each command: whether it takes a token name, and which flags it reads. */
const COMMANDS: Record<string, { name: Command['name']; takesName: boolean; flags: OptionName[]; usage: string }> = {
  'token create': { name: 'token-create', takesName: true, flags: ['data-dir'], usage: 'mcpdash token create <name> [--scope write|append|read] [--data-dir <dir>]' },
  'token list': { name: 'token-list', takesName: false, flags: ['data-dir'], usage: 'mcpdash token list [--data-dir <dir>]' },
  'token revoke': { name: 'token-revoke', takesName: true, flags: ['data-dir'], usage: 'mcpdash token revoke <name> [--data-dir <dir>]' },
  'owner reset': { name: 'owner-reset', takesName: false, flags: ['data-dir', 'public-url'], usage: 'mcpdash owner reset [--data-dir <dir>] [--public-url <url>]' },
  'owner approve': { name: 'owner-approve', takesName: false, flags: ['data-dir'], usage: 'mcpdash owner approve [<request-code>] [--data-dir <dir>]' },
};

function parseCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliResult {
  const [group, verb, ...rest] = argv;
  const spec = COMMANDS[`${group} ${verb ?? ''}`];
  if (rest.includes('--help') || rest.includes('-h') || verb === '--help' || verb === '-h') return { kind: 'help', text: commandsHelp() };
  if (!spec) throw new ConfigError(unknownCommand(group!, verb));
  let tokenName: string | undefined;
  // The code the consent page shows (letters, digits, maybe a dash); without one the command lists the waiting requests.
  const code = spec.name === 'owner-approve' && rest[0] !== undefined && !rest[0].startsWith('--') ? rest.shift()!.slice(0, 64) : undefined;
  if (spec.takesName) {
    tokenName = rest.shift();
    if (tokenName === undefined || tokenName.startsWith('--')) throw new ConfigError(`${group} ${verb} needs a name: ${spec.usage}`);
    if (!TOKEN_NAME.test(tokenName)) throw new ConfigError(`invalid token name '${tokenName.slice(0, 80)}': letters, digits, . _ - (up to 64, starting with a letter or digit)`);
  }
  const scope = spec.name === 'token-create' ? takeScope(rest) : undefined;
  for (const arg of rest) {
    const flag = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : undefined;
    if (flag !== undefined && !(spec.flags as string[]).includes(flag)) throw new ConfigError(`${group} ${verb} does not take --${flag}: ${spec.usage}`);
  }
  const parsed = parseCli(rest, env);
  if (parsed.kind !== 'run') return parsed;
  const command = (spec.takesName ? { name: spec.name, tokenName, ...(scope ? { scope } : {}) } : code !== undefined ? { name: spec.name, code } : { name: spec.name }) as Command;
  return { kind: 'command', command, config: parsed.config };
}

/** Names the verbs the group takes and shows one whole command, so the next try can be right. */
function unknownCommand(group: string, verb: string | undefined): string {
  const verbs = Object.keys(COMMANDS)
    .filter((key) => key.startsWith(`${group} `))
    .map((key) => key.slice(group.length + 1));
  const listed = verbs.length > 1 ? `${verbs.slice(0, -1).join(', ')} or ${verbs.at(-1)}` : verbs[0];
  const example = `for example: ${COMMANDS[`${group} ${verbs[0]}`]!.usage}; see mcpdash ${group} --help`;
  if (verb === undefined || verb.startsWith('-')) return `'${group}' needs a verb: ${listed} (${example})`;
  return `unknown command '${group} ${verb.slice(0, 40)}': ${group} takes ${listed} (${example})`;
}

/** `--scope X` / `--scope=X` of token create, taken out of `rest` (it is no server flag); write when absent. */
function takeScope(rest: string[]): TokenScope {
  const at = rest.findIndex((arg) => arg === '--scope' || arg.startsWith('--scope='));
  if (at < 0) return 'write';
  const arg = rest[at]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[at + 1];
  rest.splice(at, arg.includes('=') ? 1 : 2);
  if (!TOKEN_SCOPES.includes(value as TokenScope)) throw new ConfigError(`--scope takes ${TOKEN_SCOPES.join(', ')}; got '${(value ?? '').slice(0, 40)}'`);
  return value as TokenScope;
}

function commandsHelp(): string {
  return `Commands (they work while the server runs):
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

  token create   prints a new static token once (for Claude Code or scripts: Authorization: Bearer <token>);
                 --scope write (default: everything), append (only data_append and reads on dashboards it is
                 given) or read (only dashboard_get, dashboard_history, dashboard_snapshot)
  token list     names, scopes, creation and last use (never the tokens)
  token revoke   the token stops working at once
  owner reset    prints a new one-time link (30 minutes) to choose the owner password
  owner approve  lists the clients waiting for approval; with the code their consent page shows, approves one
                 without the password (for when password attempts are locked out or it is forgotten)`;
}

/** Help descriptions start in one column, whatever the flag's length. */
const HELP_COLUMN = 31;
const helpRow = (left: string, text: string) => `${left.padEnd(HELP_COLUMN - 1)} ${text}`;

export function helpText(): string {
  const rows = (Object.entries(options) as [OptionName, OptionSpec][])
    .filter(([, spec]) => !spec.hidden)
    .map(([name, spec]) => {
      const left = `  --${name}${spec.arg ? ` ${spec.arg}` : ''}`;
      const def = spec.default !== undefined ? ` (default ${spec.default})` : '';
      return `${helpRow(left, `${spec.help}${def}`)}\n${helpRow('', `env ${envName(name)}`)}`;
    });
  return `mcpdash ${VERSION} — a live dashboard for every AI conversation, over MCP.

Usage: mcpdash [options]

Options:
${rows.join('\n')}
${helpRow('  --help', 'show this help')}
${helpRow('  --version', 'print the version')}

Environment only:
${helpRow('  MCPDASH_OWNER_PASSWORD', 'sets the owner password at start (stored only as an argon2id hash)')}

Durations: 250ms, 90s, 30m, 24h, 7d. Sizes: 512kb, 4mb.

${commandsHelp()}

Examples:
  mcpdash                                               # http://127.0.0.1:8787/mcp
  mcpdash --public-url https://abc.trycloudflare.com    # behind a tunnel
  claude mcp add --transport http mcpdash http://127.0.0.1:8787/mcp
  mcpdash token create laptop                           # a static token for Claude Code or scripts:
  claude mcp add --transport http mcpdash https://abc.trycloudflare.com/mcp --header "Authorization: Bearer <token>"
`;
}

/** The base URL people and clients use: --public-url, else http://host:port. */
export function baseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, boundPort = config.port): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  const shown = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return `http://${shown}:${boundPort}`;
}
