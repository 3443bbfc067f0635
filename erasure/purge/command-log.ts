/**
 * Runs commands through the CommandRunner and keeps the exact record (argv, exit code, output, start time,
 * duration) that goes into the erasure record. Secrets are masked in the record, never in what is run.
 */
import type { CommandResult, CommandRunner } from '../../core/run/runner.js';
import type { CommandRecord } from './engine.js';

export interface CommandLogDeps {
  runner: CommandRunner;
  now: () => number;
}

export class CommandLog {
  readonly commands: CommandRecord[] = [];

  constructor(protected readonly runDeps: CommandLogDeps) {}

  /** `secrets` are replaced by "<password>" in the record: the vault, not the job log, keeps passwords. */
  async run(
    file: string,
    args: string[],
    timeoutMs: number,
    secrets: string[] = [],
    input?: string,
  ): Promise<CommandResult> {
    const startedMs = this.runDeps.now();
    const result = await this.runDeps.runner.run(
      file,
      args,
      input === undefined ? { timeoutMs } : { timeoutMs, input },
    );
    const mask = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('<password>'), s);
    this.commands.push({
      argv: [file, ...args].map(mask),
      exitCode: result.exitCode,
      stdout: mask(result.stdout),
      stderr: mask(result.stderr),
      timedOut: result.timedOut,
      startedAt: new Date(startedMs).toISOString(),
      durationMs: result.durationMs,
    });
    return result;
  }
}
