import { type FailureOutput, reportFailure } from './report-failure.js';

/**
 * Process-wide safety nets of an entry point (cli/main.ts, cli/unattended/main.ts):
 * - a reader that goes away (`gomme history | head`) is not an error: the command's later output is dropped and
 *   it ends with its own exit code (an erasure is never cut short because its log reader closed);
 * - an error no command caught is reported like any other bug (one line, details in a file), then the process
 *   ends with exit 1.
 */
export function guardProcess(
  out: FailureOutput,
  streams: { stdout: NodeJS.EventEmitter; stderr: NodeJS.EventEmitter } = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const fail = (error: unknown) => exit(reportFailure(error, out));
  for (const stream of [streams.stdout, streams.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return; // The stream is destroyed: later writes are dropped quietly.
      fail(error);
    });
  }
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
