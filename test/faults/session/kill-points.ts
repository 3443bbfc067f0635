/**
 * kill -9 at every journal write point of an erasure, then the operator's next command (`gomme erase --resume`):
 * the drive must end erased as its record says, and no record may be lost.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { expect } from 'vitest';
import type { WritePoint } from '../../../core/journal/index.js';
import { waitUntilFree } from '../../helpers/device-released.js';
import { createFaultyDrive, faultyFuseAvailable } from '../../helpers/faulty-fuse.js';
import {
  clean,
  createTarget,
  ERASE_ARGS,
  ERASE_OPTIONS,
  gomme,
  MiB,
  measure,
  newDataDir,
  type ProtectedDrive,
  recordedResults,
  runChild,
  SIZE,
  sha,
  type Target,
} from './harness.js';
import type { Row } from './summary.js';

export interface KillPoint {
  name: string;
  /** The write points this scenario crashes at (several points that commit in one transaction count once). */
  covers: WritePoint[];
  run(root: string, prot: ProtectedDrive): Promise<Row>;
}

const RESUME = ['erase', '--resume', '--yes', '--json', '--checkpoint-interval', '0'];

/** One erasure killed at `at` #nth, then resumed: ends ERASED, recorded, nothing lost. */
function simple(at: WritePoint, nth: number, covers: WritePoint[] = [at]): KillPoint {
  return {
    name: `${at} #${nth}`,
    covers,
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const env = { GOMME_DATA_DIR: dataDir };
        const child = runChild(
          { devices: [target.loop.path], options: ERASE_OPTIONS, acts: [{ at, nth, do: 'kill' }] },
          env,
        );
        await waitUntilFree(target.loop.path);
        expect(child.signal, child.stderr).toBe('SIGKILL');
        const recovery = gomme(RESUME, dataDir);
        expect(recovery.code, recovery.stderr).toBe(0);
        expect(clean(recovery)).toBe(true);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'kill',
          name: `kill -9 at ${at} #${nth}`,
          exit: `SIGKILL, then ${recovery.code}`,
          ...m,
        };
      } finally {
        target.loop.detach();
      }
    },
  };
}

function firstJobId(lines: Array<Record<string, unknown>>): string {
  const started = lines.find((l) => l.type === 'job-started');
  if (typeof started?.jobId !== 'string') throw new Error('no job-started line');
  return started.jobId;
}

export const KILL_POINTS: KillPoint[] = [
  // The batch and its jobs commit in one transaction: the first write point of an erasure.
  simple('job-created', 1, ['batch-created', 'job-created']),
  simple('checkpoint', 1),
  simple('checkpoint', 5),
  simple('checkpoint', 9),
  simple('job-finished', 1),
  // The record and its outbox row commit together.
  simple('record-committed', 1, ['record-committed', 'outbox-queued']),
  simple('certificate-logged', 1, ['certificate-logged', 'outbox-queued']),
  simple('certificate-logged', 2),
  {
    name: 'job-claimed #1',
    covers: ['job-claimed'],
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const env = { GOMME_DATA_DIR: dataDir };
        runChild(
          {
            devices: [target.loop.path],
            options: ERASE_OPTIONS,
            acts: [{ at: 'checkpoint', nth: 3, do: 'kill' }],
          },
          env,
        );
        await waitUntilFree(target.loop.path);
        const resumed = runChild(
          {
            devices: [],
            options: { resume: true, checkpointInterval: '0' },
            acts: [{ at: 'job-claimed', nth: 1, do: 'kill' }],
          },
          env,
        );
        await waitUntilFree(target.loop.path);
        expect(resumed.signal).toBe('SIGKILL');
        const recovery = gomme(RESUME, dataDir);
        expect(recovery.code, recovery.stderr).toBe(0);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'kill',
          name: 'kill -9 at job-claimed #1 (during --resume)',
          exit: `SIGKILL, then ${recovery.code}`,
          ...m,
        };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'job-discarded #1',
    covers: ['job-discarded'],
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const env = { GOMME_DATA_DIR: dataDir };
        const first = runChild(
          {
            devices: [target.loop.path],
            options: ERASE_OPTIONS,
            acts: [{ at: 'checkpoint', nth: 2, do: 'kill' }],
          },
          env,
        );
        await waitUntilFree(target.loop.path);
        const forget = runChild(
          {
            devices: [],
            options: { forget: firstJobId(first.lines) },
            acts: [{ at: 'job-discarded', nth: 1, do: 'kill' }],
          },
          env,
        );
        await waitUntilFree(target.loop.path);
        expect(forget.signal).toBe('SIGKILL');
        // The next command commits the discarded job's record (ABORTED, with what reached the drive).
        const recovery = gomme(RESUME, dataDir);
        expect(recovery.code, recovery.stderr).toBe(0);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ABORTED']);
        return {
          group: 'kill',
          name: 'kill -9 at job-discarded #1 (--forget)',
          exit: `SIGKILL, then ${recovery.code}`,
          ...m,
        };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'job-refused #1',
    covers: ['job-refused'],
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        // Something claims the device between the checks and the claim: the command is refused, killed right
        // after the journal said so. Nothing was written: nothing to resume, nothing to record, ever.
        const child = runChild(
          {
            devices: [target.loop.path],
            options: ERASE_OPTIONS,
            acts: [
              { at: 'job-created', nth: 1, do: 'hold', file: target.loop.path },
              { at: 'job-refused', nth: 1, do: 'kill' },
            ],
          },
          { GOMME_DATA_DIR: dataDir },
        );
        expect(child.signal, child.stderr).toBe('SIGKILL');
        const recovery = gomme(RESUME, dataDir);
        expect(recovery.code, recovery.stderr).toBe(0);
        expect(recovery.stdout).toContain('No erasure to resume');
        expect(sha(target.loop.backingFile)).toBe(target.donorHash);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual([null]);
        // The device is free now: the next erasure runs, and the refused job never becomes a FAILED record.
        const again = gomme(['erase', target.loop.path, '--yes', '--json', ...ERASE_ARGS], dataDir);
        expect(again.code, again.stderr).toBe(0);
        expect(recordedResults(dataDir, target)).toEqual(['ERASED']);
        return {
          group: 'kill',
          name: 'kill -9 at job-refused #1 (device claimed after the checks)',
          exit: `SIGKILL, then ${recovery.code}, then ${again.code}`,
          ...measure(dataDir, [target], prot),
        };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'error-added #1',
    covers: ['error-added'],
    async run(root, prot) {
      if (!faultyFuseAvailable())
        return { group: 'kill', name: 'kill -9 at error-added #1', exit: 'skipped (no FUSE)', skipped: true };
      const bad = { start: 6 * MiB, end: 6 * MiB + 64 * 1024 };
      const drive = await createFaultyDrive(SIZE, { writeFaults: [bad] });
      try {
        const fd = openSync(drive.backingFile, 'r+');
        writeSync(fd, Buffer.alloc(SIZE, 0x5a));
        closeSync(fd);
        const target: Target = {
          loop: { path: drive.path, backingFile: drive.backingFile, detach() {} },
          donorHash: '',
        };
        const dataDir = newDataDir(root);
        const child = runChild(
          {
            devices: [drive.path],
            options: ERASE_OPTIONS,
            acts: [{ at: 'error-added', nth: 1, do: 'kill' }],
          },
          { GOMME_DATA_DIR: dataDir },
        );
        expect(child.signal).toBe('SIGKILL');
        // The resumed job meets the bad range again: FAILED, with the error in the record.
        const recovery = gomme(RESUME, dataDir);
        expect(recovery.code, recovery.stderr).toBe(7);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['FAILED']);
        return {
          group: 'kill',
          name: 'kill -9 at error-added #1 (EIO drive)',
          exit: `SIGKILL, then ${recovery.code}`,
          ...m,
        };
      } finally {
        await drive.teardown();
      }
    },
  },
];

/** Write points no erasure of a loop device reaches, and why. The suite fails if a new point is in neither list. */
export const UNREACHABLE: Partial<Record<WritePoint, string>> = {
  'job-failed':
    'a job that cannot reach an outcome once its command is under way: a purge whose drive vanished, a hidden area that cannot be given back, an engine bug (a drive taken before the claim is refused: job-refused)',
  'password-saved': 'ATA Security Erase only (no loop device has ATA security)',
  'password-forgotten': 'ATA Security Erase only',
  'password-attempt': 'password tries on a locked ATA or TCG drive only (no loop device is locked)',
  'outbox-attempt': 'written by the hub pusher (not written yet)',
  'outbox-acknowledged': 'written by the hub pusher (not written yet)',
};
