import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../core/drive.js';
import type { JobEvent } from '../../../core/events.js';
import type { CommandResult, CommandRunner } from '../../../core/run/runner.js';
import { openBlockDevice } from '../../../erasure/io/block-device.js';
import { runPurgeJob } from '../../../erasure/jobs/run-purge-job.js';
import { InMemoryPasswordVault } from '../../../erasure/purge/password-vault.js';
import { withLoopDevice } from '../../helpers/loop-device.js';
import { capturedResult, nvmeDrive } from '../../unit/erasure/purge/script.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;

/**
 * A loop device stands in for the NVMe namespace's data; nvme-cli answers with the outputs captured from QEMU's
 * NVMe controller, and "the firmware" is the side effect the test chooses for the format command.
 */
function qemuNvmeRunner(onFormat: () => void): CommandRunner & { argvs: string[][] } {
  const argvs: string[][] = [];
  return {
    argvs,
    async run(file, args): Promise<CommandResult> {
      const argv = [file, ...args];
      argvs.push(argv);
      const captures: Record<string, string> = {
        version: 'nvme-version',
        format: 'nvme-format-ses1',
        'id-ns': 'nvme-id-ns',
      };
      const name = captures[args[0] ?? ''];
      if (!name) throw new Error(`unexpected command ${argv.join(' ')}`);
      if (args[0] === 'format') onFormat();
      const reply = capturedResult(name);
      return { ...reply, argv };
    },
  };
}

function onLoop(loopPath: string, size: number): Drive {
  return { ...nvmeDrive(), path: loopPath, sizeBytes: size };
}

function zeroBackingFile(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(size));
  fsyncSync(fd);
  closeSync(fd);
}

describe.skipIf(!isRoot)(
  'firmware purge job (NVMe Format SES=1, QEMU outputs, loop device as the medium)',
  () => {
    const donor = (o: number, l: number) => Buffer.alloc(l, `donor ${o}`);

    it('samples before, formats, samples after: ERASED with the exact command and tool version recorded', async () => {
      await withLoopDevice(64 * MiB, { fill: donor }, async (loop) => {
        const runner = qemuNvmeRunner(() => zeroBackingFile(loop.backingFile, 64 * MiB));
        const events: JobEvent[] = [];
        const outcome = await runPurgeJob(
          {
            jobId: 'p1',
            drive: onLoop(loop.path, 64 * MiB),
            engine: 'nvme-format-user-data',
            verifySeed: 'seed',
          },
          {
            runner,
            openDevice: (p) => openBlockDevice(p, { write: false, exclusive: false }),
            emit: (e) => events.push(e),
            vault: new InMemoryPasswordVault(),
          },
        );
        expect(outcome.result).toBe('ERASED');
        expect(outcome.verification).toMatchObject({ mode: 'purge-pattern', passed: true });
        expect(outcome.verification.coverage).toBeGreaterThanOrEqual(0.1);
        expect(outcome.purge.outcome.commands.map((c) => c.argv.slice(0, 3))).toContainEqual([
          'nvme',
          'format',
          '/dev/nvme0',
        ]);
        expect(outcome.purge.toolVersions.nvme).toMatch(/^\d/);
        expect(outcome.purge.verification?.pattern).toBe('00');
        expect(events.at(-1)).toMatchObject({ type: 'job-finished', result: 'ERASED' });
      });
    });

    it('a drive that reports success and changes nothing fails verification', async () => {
      await withLoopDevice(64 * MiB, { fill: donor }, async (loop) => {
        const outcome = await runPurgeJob(
          {
            jobId: 'p2',
            drive: onLoop(loop.path, 64 * MiB),
            engine: 'nvme-format-user-data',
            verifySeed: 'seed',
          },
          {
            runner: qemuNvmeRunner(() => {}),
            openDevice: (p) => openBlockDevice(p, { write: false, exclusive: false }),
            emit: () => {},
            vault: new InMemoryPasswordVault(),
          },
        );
        expect(outcome.result).toBe('FAILED');
        expect(outcome.verification.passed).toBe(false);
        expect(outcome.errors.some((e) => e.code === 'PURGE_NOT_VERIFIED')).toBe(true);
      });
    });
  },
);
