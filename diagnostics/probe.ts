/**
 * Small helpers over the System boundary for diagnostics: a command that may be missing (not installed, or not
 * recorded in a replayed bundle) is a warning and an unknown fact, not a crash; directory listings go through
 * `ls` so they are recorded and replayed like every other read.
 */
import { ReplayMissError, ToolMissingError } from '../core/errors.js';
import type { CommandResult, RunOptions } from '../core/run/runner.js';
import type { System } from '../core/run/system.js';

export class Probe {
  readonly warnings: string[] = [];
  constructor(readonly system: System) {}

  /** Runs a program; null (with a warning) when it is not installed or the replayed bundle lacks it. */
  async run(file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult | null> {
    try {
      return await this.system.runner.run(file, args, options);
    } catch (error) {
      if (error instanceof ToolMissingError || error instanceof ReplayMissError) {
        this.warnings.push(error.message);
        return null;
      }
      throw error;
    }
  }

  /** Trimmed file content; null when absent, unreadable or empty. */
  async read(path: string): Promise<string | null> {
    const content = await this.system.files.read(path);
    const trimmed = content?.trim();
    return trimmed ? trimmed : null;
  }

  /** Entry names of a directory (sysfs class folders); empty when it does not exist. */
  async list(dir: string): Promise<string[]> {
    const result = await this.run('ls', ['-1', dir], { timeoutMs: 5_000 });
    if (result?.exitCode !== 0) return [];
    return result.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
}
