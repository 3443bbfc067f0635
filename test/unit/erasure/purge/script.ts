/**
 * Test doubles for the purge engines: a scripted CommandRunner that replays an exact command sequence (and
 * fails loudly on any command it was not told about), captured QEMU outputs as runner results, drives built
 * from the fixture corpus, and a fake clock whose sleep returns at once.
 */
import { expect } from 'vitest';
import { buildDrive } from '../../../../core/detect/build-drive.js';
import type { DriveProbe } from '../../../../core/detect/probe-drive.js';
import { transportOf } from '../../../../core/detect/transport.js';
import type { Drive } from '../../../../core/drive.js';
import type { JobEvent } from '../../../../core/events.js';
import type { CommandResult, CommandRunner, RunOptions } from '../../../../core/run/runner.js';
import { flattenLsblk, parseLsblk } from '../../../../core/tools/lsblk/parse-lsblk.js';
import type { PurgeDeps } from '../../../../erasure/purge/engine.js';
import { InMemoryPasswordVault } from '../../../../erasure/purge/password-vault.js';
import { readFixture } from '../../../helpers/fixtures.js';

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

export const QEMU = 'bios-cdrom-full';

/** A captured QEMU command (NAME.out/.err/.rc) as a runner reply. */
export function captured(name: string, dir = QEMU): Reply {
  const base = `qemu/${dir}/${name}`;
  return {
    exitCode: Number(readFixture(`${base}.rc`).trim()),
    stdout: readFixture(`${base}.out`, 'latin1'),
    stderr: readFixture(`${base}.err`),
  };
}

export function capturedResult(name: string, dir = QEMU): CommandResult {
  const r = captured(name, dir);
  return {
    argv: readFixture(`qemu/${dir}/${name}.cmd`).trim().split(/\s+/),
    exitCode: r.exitCode ?? 0,
    signal: null,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: false,
    durationMs: 0,
  };
}

export function qemuProbe(name: string, overrides: Partial<DriveProbe> = {}, dir = QEMU): DriveProbe {
  const { nodes } = parseLsblk(readFixture(`qemu/${dir}/lsblk-J-b.out`));
  const node = flattenLsblk(nodes).find((n) => n.name === name);
  if (!node) throw new Error(`no ${name} in the ${dir} lsblk capture`);
  return {
    node,
    transport: transportOf(node),
    sysfsSectors: null,
    loopBackingFile: null,
    sysfsSerial: null,
    byIdLinks: [],
    hdparmIdentify: null,
    hdparmNativeMax: null,
    hdparmDco: null,
    nvmeController: null,
    nvmeControllerGuessed: false,
    nvmeNamespaceId: null,
    nvmeIdCtrl: null,
    nvmeIdNs: null,
    smartctl: null,
    missingTools: [],
    ...overrides,
  };
}

/** The QEMU AHCI disk, with its IDENTIFY text replaced by `identify` (e.g. a real drive from the corpus). */
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
