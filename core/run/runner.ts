/** The one boundary through which gomme runs external programs. A non-zero exit is data, never an exception. */

export interface RunOptions {
  /** Kill the program after this long; the result then has `timedOut: true`. @default 30_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Written to the program's stdin. */
  input?: string;
}

export interface CommandResult {
  argv: string[];
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

export interface CommandRunner {
  /** Runs `file args…` with LC_ALL=C. Throws only ToolMissingError (program not installed). */
  run(file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>;
}

/** Exit code recorded in a bundle when the program was not installed at capture time (the shell's convention). */
export const NOT_INSTALLED_EXIT = 127;
