// Keeps a failed LMDB commit (disk full, file size limit, I/O error) from ending the process.
//
// lmdb reports a failed commit twice: the write's own promise rejects with "Commit failed", and a second promise
// hung on that error (error.commitError) rejects with the cause. Nothing in lmdb handles the second, and in Bun an
// unhandled rejection ends the process: one full disk would take the server down, however carefully each caller
// handles its own write. So every write method of the environment and of each sub-database is wrapped: the promise
// it returns gets a side handler that handles the second promise. What the caller sees is unchanged.
// (lmdb's event-turn batching keeps one more promise of its own that no caller ever sees; db.ts turns it off.)

const WRITE_METHODS = ['transaction', 'childTransaction', 'put', 'remove', 'ifVersion', 'drop', 'clearAsync'] as const;

const handleCause = (error: unknown) => {
  (error as { commitError?: Promise<unknown> } | undefined)?.commitError?.catch(() => undefined);
};

export function handleCommitFailures(db: object): void {
  const methods = db as Record<string, unknown>;
  for (const name of WRITE_METHODS) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args) as unknown;
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') (result as PromiseLike<unknown>).then(undefined, handleCause);
      return result;
    };
  }
}
