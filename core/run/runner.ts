/** The one boundary through which gomme runs external programs. A non-zero exit is data, never an exception. */

export interface RunOptions {
  /** Kill the program after this long; the result then has `timedOut: true`. @default 30_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Written to the program's stdin (bytes for binary input, e.g. a WAV file for `aplay -`). */
  input?: string | Uint8Array;
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

/** One piece of a streamed program's stdout, `atMs` after the program started. */
export interface StreamChunk {
  atMs: number;
  data: Uint8Array;
}

export interface StreamOptions {
  /** Kill the program after this long (a bounded recording). None by default: `stop()` ends the stream. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** How a streamed program ended. `stopped` when gomme stopped it (stop() or the signal): not a failure. */
export interface StreamEnd {
  exitCode: number | null;
  signal: string | null;
  stderr: string;
  timedOut: boolean;
  stopped: boolean;
  durationMs: number;
}

/** A running program whose stdout is read as it comes: an input device, udev events, a sound recording. */
export interface CommandStream {
  argv: string[];
  /** Read once, by one consumer; ends when the program exits or is stopped. */
  chunks: AsyncIterable<StreamChunk>;
  /** Ends the program (SIGTERM: evtest then releases its grab). Safe to call more than once. */
  stop(): void;
  done: Promise<StreamEnd>;
}

/** The streaming side of the runner boundary; recorded as timestamped chunks in a bundle, replayed from them. */
export interface StreamRunner {
  /** Starts `file args…` with LC_ALL=C. Rejects only with ToolMissingError (program not installed). */
  open(file: string, args: readonly string[], options?: StreamOptions): Promise<CommandStream>;
}
