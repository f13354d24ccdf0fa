// Where a command writes: its own module so that every command (commands.ts and the ones it runs) can take it.
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}
