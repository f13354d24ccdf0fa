// What a failed start (or command) says on the command line: the system's error turned into words that name the
// path, port or flag at fault and the fix, instead of "EEXIST: file already exists, mkdir".
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

interface SystemError {
  code?: unknown;
  path?: unknown;
  message?: unknown;
}

const codeOf = (error: SystemError) => (typeof error.code === 'string' || typeof error.code === 'number' ? error.code : undefined);

/** One line (without the `mcpdash:` prefix) explaining why mcpdash could not start or run a command. */
export function explainStartError(error: unknown, config: Pick<Config, 'dataDir' | 'host' | 'port'>): string {
  if (error instanceof AppError) return error.message;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SystemError;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const code = codeOf(failure);
  const dir = config.dataDir;
  if (code === 'EADDRINUSE') {
    return `port ${config.port} on ${config.host} is already in use (another mcpdash, or another program): stop that one, choose another port with --port <n>, or use --port 0 for any free port`;
  }
  if (code === 'EEXIST') {
    return `--data-dir ${dir} is a file, not a directory: pass a directory (it is created if missing), for example --data-dir ${dir}.d`;
  }
  if (code === 'ENOTDIR') {
    return `--data-dir ${dir} cannot be created: part of that path is a file, not a directory. Pass a directory path (it is created if missing)`;
  }
  // lmdb reports errno 13 as a number with "Permission denied: Attempting to setup locks"; node:fs as EACCES/EPERM.
  if (code === 'EACCES' || code === 'EPERM' || code === 13 || code === 1 || /permission denied|operation not permitted/i.test(message)) {
    return `cannot write to --data-dir ${dir} (permission denied): run mcpdash as the user that owns it, give that user write access (chown/chmod), or pass another --data-dir`;
  }
  if (code === 'EROFS' || code === 30 || /read-only file system/i.test(message)) {
    return `cannot write to --data-dir ${dir}: it is on a read-only file system. Pass a --data-dir on a writable disk`;
  }
  if (code === 'ENOSPC' || code === 28) return `no space left on the disk of --data-dir ${dir}: free some space or pass another --data-dir`;
  return message;
}
