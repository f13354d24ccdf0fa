// One logger, passed through deps: one line per event, key=value fields, to stderr so stdout stays for the banner.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined | null>;

export interface Logger {
  /** Whether a line at this level would be written (skip building fields when not). */
  enabled(level: LogLevel): boolean;
  /** Write out buffered lines now (before exit). */
  flush(): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Lines to stderr, batched: under load one write per event-loop turn instead of one per request
 * (a write syscall per line costs more than the request it describes).
 */
function bufferedStderr(): { write: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    process.stderr.write(text);
  };
  return {
    write(line) {
      pending.push(line);
      if (pending.length >= 512) return flush();
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const sink = write ? { write, flush: () => undefined } : bufferedStderr();
  const emit = (at: LogLevel, message: string, fields?: LogFields) => {
    if (rank[at] < rank[level]) return;
    let line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${message}`;
    if (fields) {
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        const text = String(value);
        line += ` ${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
      }
    }
    sink.write(line);
  };
  return {
    enabled: (at) => rank[at] >= rank[level],
    flush: sink.flush,
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger('error', () => undefined);
