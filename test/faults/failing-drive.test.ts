import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultyFuseAvailable, withFaultyDrive } from '../helpers/faulty-fuse.js';
import { attachLoopDevice, withLoopDevices } from '../helpers/loop-device.js';
import { runGomme } from '../helpers/run-gomme.js';

const MiB = 1 << 20;
const KiB = 1 << 10;
const SIZE = 16 * MiB;
/** One bad 4 KiB "sector" in the 4th MiB of the faulty drive. */
const BAD = { start: 3 * MiB + 8 * KiB, end: 3 * MiB + 12 * KiB };
/** The full drive: a 16 MiB sparse file on a tmpfs that holds only 8 MiB. */
const ROOM = 8 * MiB;

interface DriveResult {
  device: string;
  result: string;
  bytesWritten: number;
  errors: Array<{ operation: string; pass: number; offset: number; length: number; code: string }>;
}

/** A loop device whose backing filesystem runs out of room halfway: writes past ROOM fail with ENOSPC. */
async function withFullDrive<T>(fn: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `gomme-nospc-${process.pid}-`));
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${ROOM}`, 'tmpfs', mnt]);
  try {
    const file = join(mnt, 'disk.img');
    execFileSync('truncate', ['-s', String(SIZE), file]);
    const loop = attachLoopDevice(file);
    try {
      return await fn(loop.path);
    } finally {
      loop.detach();
    }
  } finally {
    execFileSync('umount', [mnt]);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!faultyFuseAvailable())('failing drives among healthy ones', () => {
  it('EIO and ENOSPC drives FAILED with their offsets and what was really written; the others ERASED; exit 6', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gomme-failing-data-'));
    try {
      await withFaultyDrive(SIZE, { writeFaults: [BAD] }, async (faulty) =>
        withFullDrive(async (full) =>
          withLoopDevices(
            [
              { sizeBytes: SIZE, fill: (o, l) => Buffer.alloc(l, `donor ${o}`) },
              { sizeBytes: SIZE, fill: (o, l) => Buffer.alloc(l, `donor ${o}`) },
            ],
            async (healthy) => {
              const devices = [faulty.path, full, ...healthy.map((l) => l.path)];
              const r = runGomme(
                ['erase', ...devices, '--method', 'one', '--verify', 'none', '--yes', '--json'],
                {
                  GOMME_DATA_DIR: dataDir,
                },
              );
              expect(r.code, r.stderr).toBe(6);
              const result = r.lines.at(-1) as { type: string; drives: DriveResult[] };
              expect(result.type).toBe('result');
              const of = (device: string) => result.drives.find((d) => d.device === device);

              for (const loop of healthy) {
                expect(of(loop.path)).toMatchObject({ result: 'ERASED', bytesWritten: SIZE, errors: [] });
                expect(readFileSync(loop.backingFile).every((b) => b === 0xff)).toBe(true);
              }

              // The bad sector is narrowed to its 64 KiB block; everything else was written.
              expect(of(faulty.path)).toMatchObject({
                result: 'FAILED',
                bytesWritten: SIZE - 64 * KiB,
                errors: [{ operation: 'write', pass: 1, offset: 3 * MiB, length: 64 * KiB, code: 'EIO' }],
              });
              const medium = readFileSync(faulty.backingFile);
              expect(medium.subarray(0, 3 * MiB).every((b) => b === 0xff)).toBe(true);
              expect(medium.subarray(3 * MiB + 64 * KiB).every((b) => b === 0xff)).toBe(true);

              // The full drive: the first ROOM bytes written, the rest one ENOSPC range.
              expect(of(full)).toMatchObject({
                result: 'FAILED',
                bytesWritten: ROOM,
                errors: [{ operation: 'write', pass: 1, offset: ROOM, length: SIZE - ROOM, code: 'ENOSPC' }],
              });
            },
          ),
        ),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
