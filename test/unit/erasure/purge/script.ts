/**
 * Test doubles for the purge engines: a scripted CommandRunner that replays an exact command sequence (and
 * fails loudly on any command it was not told about), captured QEMU outputs as runner results, drives built
 * from the fixture corpus, and a fake clock whose sleep returns at once.
 */
import { expect } from 'vitest';
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { Drive } from '../../../../core/drive.js';
import type { JobEvent } from '../../../../core/events.js';
import type { CommandResult, CommandRunner, RunOptions } from '../../../../core/run/runner.js';
import type { PurgeDeps } from '../../../../erasure/purge/engine.js';
import { InMemoryPasswordVault } from '../../../../erasure/purge/password-vault.js';
import { capturedResult, QEMU, qemuProbe } from '../../../helpers/qemu-captures.js';

export interface Reply {
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  timedOut?: boolean;
  durationMs?: number;
}

export interface Step {
  /** The exact argv expected, program first. */
  argv: string[];
  reply: Reply;
  /** Runs once the reply is given (e.g. to interrupt the job right after this command). */
  afterReply?: () => void;
}

export class ScriptedRunner implements CommandRunner {
  readonly calls: Array<{ argv: string[]; options: RunOptions | undefined }> = [];
  private index = 0;
  constructor(private readonly steps: Step[]) {}

  async run(file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult> {
    const argv = [file, ...args];
    this.calls.push({ argv, options });
    const step = this.steps[this.index++];
    if (!step) throw new Error(`unscripted command #${this.index}: ${argv.join(' ')}`);
    expect(argv, `command #${this.index}`).toEqual(step.argv);
    step.afterReply?.();
    return {
      argv,
      exitCode: step.reply.exitCode ?? 0,
      signal: null,
      stdout: step.reply.stdout ?? '',
      stderr: step.reply.stderr ?? '',
      timedOut: step.reply.timedOut ?? false,
      durationMs: step.reply.durationMs ?? 5,
    };
  }

  /** Every scripted step was used: the engine did not stop early. */
  expectDone(): void {
    expect(this.index, 'scripted steps consumed').toBe(this.steps.length);
  }
}

export { capturedResult, QEMU, qemuProbe } from '../../../helpers/qemu-captures.js';

/** A captured QEMU command (NAME.out/.err/.rc) as a runner reply. */
export function captured(name: string, dir = QEMU): Reply {
  const r = capturedResult(name, dir);
  return { exitCode: r.exitCode ?? 0, stdout: r.stdout, stderr: r.stderr };
}

export function sataDrive(identify: string): Drive {
  return buildDrive(
    qemuProbe('sda', { hdparmIdentify: { ...capturedResult('hdparm-I-sda'), stdout: identify } }),
    [],
  );
}

/** The QEMU NVMe namespace; `idCtrl` replaces its id-ctrl JSON (e.g. the WD SN730 capture with Sanitize). */
export function nvmeDrive(idCtrl?: string): Drive {
  const ctrl = capturedResult('nvme-id-ctrl');
  return buildDrive(
    qemuProbe('nvme0n1', {
      nvmeController: '/dev/nvme0',
      nvmeNamespaceId: 1,
      nvmeIdCtrl: idCtrl === undefined ? ctrl : { ...ctrl, stdout: idCtrl },
      nvmeIdNs: capturedResult('nvme-id-ns'),
    }),
    [],
  );
}

export interface FakeDeps extends PurgeDeps {
  events: JobEvent[];
  vault: InMemoryPasswordVault;
  clock: { ms: number };
  abort: AbortController;
}

export function fakeDeps(runner: CommandRunner): FakeDeps {
  const clock = { ms: Date.parse('2025-01-01T00:00:00Z') };
  const events: JobEvent[] = [];
  const abort = new AbortController();
  return {
    runner,
    emit: (e) => events.push(e),
    jobId: 'job-1',
    now: () => clock.ms,
    sleep: async (ms) => {
      clock.ms += ms;
    },
    signal: abort.signal,
    vault: new InMemoryPasswordVault(),
    newPassword: () => 'gomme-test',
    events,
    clock,
    abort,
  };
}

export const firmwareProgress = (events: JobEvent[]) =>
  events.flatMap((e) =>
    e.type === 'progress' && e.phase === 'firmware' ? [e.bytesDone / e.bytesTotal] : [],
  );
