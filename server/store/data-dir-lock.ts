// One server per data directory. LMDB lets any number of processes open one environment (the token and owner
// commands rely on it, and lmdb's own lock.mdb holds only shared locks), so two servers on one --data-dir would both
// start and sweep, serve and expire the same records without a word. The server holds an exclusive flock(2) on
// <data-dir>/server.lock for its lifetime: the kernel drops it when the process ends however it ends (kill -9, a
// power cut), so a restart is never refused by a stale lock. Bun has no flock binding: libc's, through bun:ffi.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

export const LOCK_FILE = 'server.lock';

/** Another live server holds the data directory. */
export class DataDirInUseError extends AppError {
  constructor(dataDir: string, pid: number | undefined) {
    super(
      'data_dir_in_use',
      409,
      `another mcpdash server${pid ? ` (pid ${pid})` : ''} is already running with --data-dir ${dataDir}: stop it first, or give this one its own --data-dir (the token and owner commands work while it runs)`,
    );
  }
}

export interface DataDirLock {
  /** Lets go of the directory (the process ending does the same). */
  release(): void;
}

type Flock = (fd: number, operation: number) => number;
const LOCK_EX = 2;
const LOCK_NB = 4;

let flock: Flock | null | undefined;

/** libc's flock, or null where it cannot be loaded (then the directory is not locked, as before). */
async function loadFlock(): Promise<Flock | null> {
  if (flock !== undefined) return flock;
  try {
    const { dlopen, FFIType } = await import('bun:ffi');
    const libc = dlopen(process.platform === 'darwin' ? 'libc.dylib' : 'libc.so.6', { flock: { args: [FFIType.i32, FFIType.i32], returns: FFIType.i32 } });
    flock = (fd, operation) => libc.symbols.flock(fd, operation) as number;
  } catch {
    flock = null;
  }
  return flock;
}

/** Takes the data directory (creating it owner-only if missing) for this process, or throws DataDirInUseError. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  // 'a+': created if missing, never truncated before the lock is ours (it names the holder's pid).
  const fd = openSync(path, 'a+', 0o600);
  const lock = await loadFlock();
  if (lock && lock(fd, LOCK_EX | LOCK_NB) !== 0) {
    closeSync(fd);
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    throw new DataDirInUseError(dataDir, Number.isSafeInteger(pid) && pid > 0 ? pid : undefined);
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      closeSync(fd); // closing the last descriptor of the open file drops the flock
    },
  };
}
