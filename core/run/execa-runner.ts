import { once } from 'node:events';
import { execa } from 'execa';
import { ToolMissingError } from '../errors.js';
import type {
  CommandResult,
  CommandRunner,
  CommandStream,
  RunOptions,
  StreamChunk,
  StreamEnd,
  StreamOptions,
  StreamRunner,
} from './runner.js';
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

/** The real streaming runner: stdout is read as it comes; stderr is kept for the end. */
export class ExecaStreamRunner implements StreamRunner {
  async open(file: string, args: readonly string[], options: StreamOptions = {}): Promise<CommandStream> {
    const started = performance.now();
    let stopped = false;
    const subprocess = execa(file, args, {
      reject: false,
      env: { LC_ALL: 'C', LANG: 'C' },
      timeout: options.timeoutMs,
      cancelSignal: options.signal,
      stdin: 'ignore',
      buffer: { stdout: false, stderr: true },
      encoding: 'buffer',
    });
    // Wait until the program runs, so a missing program is an error here and not a silent empty stream.
    const spawned = await once(subprocess, 'spawn').then(
      () => null,
      async () => await subprocess,
    );
    if (spawned !== null) {
      const cause = spawned.cause as NodeJS.ErrnoException | undefined;
      if (spawned.failed && cause?.code === 'ENOENT' && spawned.exitCode === undefined) {
        throw new ToolMissingError(file, debianPackageFor(file));
      }
    }
    const stdout = subprocess.stdout;
    async function* chunks(): AsyncGenerator<StreamChunk> {
      if (!stdout) return;
      for await (const data of stdout as AsyncIterable<Buffer>) {
        yield { atMs: Math.round(performance.now() - started), data: new Uint8Array(data) };
      }
    }
    const done = subprocess.then(
      (result): StreamEnd => ({
        exitCode: result.exitCode ?? null,
        signal: result.signal ?? null,
        stderr: Buffer.from(result.stderr ?? new Uint8Array()).toString('utf8'),
        timedOut: result.timedOut,
        stopped: stopped || result.isCanceled,
        durationMs: Math.round(performance.now() - started),
      }),
    );
    return {
      argv: [file, ...args],
      chunks: chunks(),
      stop() {
        stopped = true;
        subprocess.kill('SIGTERM');
      },
      done,
    };
  }
}
