import { execa } from 'execa';
import { ToolMissingError } from '../errors.js';
import type { CommandResult, CommandRunner, RunOptions } from './runner.js';
import { debianPackageFor } from './tool-packages.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The real runner: the only place in gomme that spawns a process. */
export class ExecaRunner implements CommandRunner {
  async run(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    const started = performance.now();
    const result = await execa(file, args, {
      reject: false,
      // Parsers expect the C locale's wording and number formats.
      env: { LC_ALL: 'C', LANG: 'C' },
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      cancelSignal: options.signal,
      input: options.input,
      stdin: options.input === undefined ? 'ignore' : 'pipe',
      stripFinalNewline: false,
      encoding: 'utf8',
    });
    const cause = result.cause as NodeJS.ErrnoException | undefined;
    if (result.failed && cause?.code === 'ENOENT' && result.exitCode === undefined) {
      throw new ToolMissingError(file, debianPackageFor(file));
    }
    return {
      argv: [file, ...args],
      exitCode: result.exitCode ?? null,
      signal: result.signal ?? null,
      stdout: result.stdout,
      stderr: result.stderr,
      timedOut: result.timedOut,
      durationMs: Math.round(performance.now() - started),
    };
  }
}
