import type { EventEmitter } from 'node:events';
import type { FailureOutput } from './report-failure.js';

/** The parts of `process` the guards hook into (tests pass their own). */
export interface GuardedProcess {
  stdout: EventEmitter;
  stderr: EventEmitter;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
}

/**
 * Process-wide safety nets of an entry point (cli/main.ts, cli/unattended/main.ts):
 * - a reader that goes away (`gomme history | head`) is not an error: the command's later output is dropped and
 *   it ends with its own exit code (an erasure is never cut short because its log reader closed);
 * - an error no command caught is reported like any other bug (one line, details in a file), then the process
 *   ends with exit 1.
 */
export function guardProcess(out: FailureOutput, proc: GuardedProcess = process): void {
  const fail = (error: unknown) => {
    void import('./report-failure.js')
      .then(({ reportFailure }) => reportFailure(error, out))
      .then((code) => proc.exit(code));
  };
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return; // The stream is destroyed: later writes are dropped quietly.
      fail(error);
    });
  }
  proc.on('uncaughtException', fail);
  proc.on('unhandledRejection', fail);
}
