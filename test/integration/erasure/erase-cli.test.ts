import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultyFuseAvailable, withFaultyDrive } from '../../helpers/faulty-fuse.js';
import { createLoopDevice, type LoopDevice, withLoopDevice } from '../../helpers/loop-device.js';
import { unmount } from '../../helpers/mount.js';
import { runGomme } from '../../helpers/run-gomme.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const donor = (offset: number, length: number) => Buffer.alloc(length, `donor data ${offset} `);

describe.skipIf(!isRoot)('gomme erase on loop devices', () => {
  let dataDir = '';
  let env: NodeJS.ProcessEnv = {};
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gomme-erase-data-'));
    env = { GOMME_DATA_DIR: dataDir };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a mounted loop device before any write, with exit code 3 and the reason', async () => {
    const loop: LoopDevice = createLoopDevice(16 * MiB);
    const mnt = mkdtempSync(join(tmpdir(), 'gomme-mnt-'));
    try {
      // No lazy init: the kernel would otherwise keep writing inode tables in the background.
      execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', loop.path]);
      execFileSync('mount', [loop.path, mnt]);
      writeFileSync(join(mnt, 'donor.txt'), 'donor data');
      execFileSync('sync');
      const before = sha(readFileSync(loop.backingFile));
      const refused = runGomme(['erase', loop.path, '--yes', '--json'], env);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(`${loop.path} is protected`);
      expect(refused.stderr).toContain(`mounted at ${mnt}`);
      expect(refused.lines.at(-1)).toMatchObject({ type: 'error', code: 'protected-device', exitCode: 3 });
      // The dry run shows the same refusal in the plan, and exits 3 too.
      const plan = runGomme(['erase', loop.path, '--dry-run', '--json'], env);
      expect(plan.code).toBe(3);
      expect(plan.lines[0]).toMatchObject({
        type: 'plan',
        drives: [
          { device: loop.path, refused: { code: 'protected', message: expect.stringContaining(mnt) } },
        ],
      });
      execFileSync('sync');
      expect(sha(readFileSync(loop.backingFile))).toBe(before);
      expect(readFileSync(join(mnt, 'donor.txt'), 'utf8')).toBe('donor data');
    } finally {
      unmount(mnt);
      rmSync(mnt, { recursive: true, force: true });
      loop.detach();
    }
  });

  it('refuses without --yes when there is no terminal, and writes nothing', async () => {
    await withLoopDevice(8 * MiB, { fill: donor }, (loop) => {
      const before = sha(readFileSync(loop.backingFile));
      const r = runGomme(['erase', loop.path], env);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('not confirmed');
      expect(sha(readFileSync(loop.backingFile))).toBe(before);
    });
  });

  it('--dry-run prints the plan (method, passes, NIST level, estimate) and writes nothing', async () => {
    await withLoopDevice(8 * MiB, { fill: donor }, (loop) => {
      const before = sha(readFileSync(loop.backingFile));
      const r = runGomme(['erase', loop.path, '--method', 'dod-short', '--dry-run', '--json'], env);
      expect(r.code).toBe(0);
      expect(r.lines[0]).toMatchObject({
        type: 'plan',
        drives: [{ device: loop.path, method: 'dod-short', nistLevel: 'clear', verify: 'sample' }],
      });
      const plan = (r.lines[0]!.drives as Array<{ passes: unknown[]; estimatedSeconds: number }>)[0];
      expect(plan?.passes).toHaveLength(3);
      expect(plan?.estimatedSeconds).toBeGreaterThanOrEqual(0);
      expect(sha(readFileSync(loop.backingFile))).toBe(before);
    });
  });

  it('verification reads the medium: a change behind gomme’s back is found, though the page cache hides it', async () => {
    await withLoopDevice(16 * MiB, { fill: donor }, (loop) => {
      const erased = runGomme(['erase', loop.path, '--method', 'zero', '--yes', '--json'], env);
      expect(erased.code).toBe(0);
      expect(erased.lines.at(-1)).toMatchObject({ type: 'result', drives: [{ result: 'ERASED' }] });
      expect(runGomme(['verify', loop.path], env).code).toBe(0);

      // Hold a buffered descriptor: its page cache keeps the erased zeros after the medium changes.
      const cached = openSync(loop.path, 'r');
      try {
        const view = Buffer.alloc(4096);
        readSync(cached, view, 0, 4096, 5 * MiB);
        const backing = openSync(loop.backingFile, 'r+');
        writeSync(backing, Buffer.alloc(4096, 0xab), 0, 4096, 5 * MiB);
        fsyncSync(backing);
        closeSync(backing);
        readSync(cached, view, 0, 4096, 5 * MiB);
        expect(view.equals(Buffer.alloc(4096))).toBe(true); // the cache still says "erased"

        const r = runGomme(['verify', loop.path, '--json'], env);
        expect(r.code).toBe(7);
        expect(r.lines[0]).toMatchObject({ passed: false, mismatchedBytes: 4096 });
        expect((r.lines[0]!.errors as Array<{ offset: number; code: string }>)[0]).toMatchObject({
          offset: 5 * MiB,
          code: 'MISMATCH',
        });
      } finally {
        closeSync(cached);
      }
    });
  });

  it('commits the record, then signs a per-drive certificate that pdfsig and gomme cert verify accept', async () => {
    await withLoopDevice(16 * MiB, { fill: donor }, (loop) => {
      expect(runGomme(['keys', 'init', '--organisation', 'Ressourcerie du Lac'], env).code).toBe(0);
      const r = runGomme(
        ['erase', loop.path, '--yes', '--json', '--donor', 'Mairie de Lyon', '--lot', 'LOT-7'],
        env,
      );
      expect(r.code).toBe(0);
      const result = r.lines.at(-1) as {
        recordId: string;
        drives: Array<{ recordId: string; certificate: string }>;
      };
      expect(result.recordId).toMatch(/^GR-\d{8}-[0-9a-f]{10}$/);
      const pdf = result.drives[0]?.certificate ?? '';
      expect(pdf).toMatch(/-D1\.en\.pdf$/); // English run: the file name carries the language
      const pdfsig = spawnSync('pdfsig', [pdf], { encoding: 'utf8' });
      expect(pdfsig.stdout).toContain('Signature is Valid');
      expect(pdfsig.stdout).toContain('Total document signed');
      const verified = runGomme(['cert', 'verify', pdf, '--json'], env);
      expect(verified.code).toBe(0);
      const history = runGomme(['history', '--json'], env);
      expect(history.stdout).toContain(result.recordId);
      expect(history.stdout).toContain('LOT-7');
    });
  });

  it('erases two drives in parallel, each verified', async () => {
    const loops = [createLoopDevice(32 * MiB, { fill: donor }), createLoopDevice(32 * MiB, { fill: donor })];
    try {
      const r = runGomme(
        ['erase', ...loops.map((l) => l.path), '--method', 'one', '--verify', 'last', '--yes', '--json'],
        env,
      );
      expect(r.code).toBe(0);
      const result = r.lines.at(-1) as {
        drives: Array<{ device: string; result: string; verification: { passed: boolean } }>;
      };
      expect(result.drives.map((d) => [d.device, d.result, d.verification.passed])).toEqual(
        loops.map((l) => [l.path, 'ERASED', true]),
      );
      for (const l of loops)
        expect(readFileSync(l.backingFile).equals(Buffer.alloc(32 * MiB, 0xff))).toBe(true);
    } finally {
      for (const l of loops) l.detach();
    }
  });
});

describe.skipIf(!isRoot || !faultyFuseAvailable())(
  'real I/O errors (FUSE-backed loop device returning EIO)',
  () => {
    it('records the failing range with its offset, erases the rest, ends FAILED with exit code 7', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gomme-erase-data-'));
      const bad = { start: 3 * MiB, end: 3 * MiB + 128 * 1024 };
      try {
        await withFaultyDrive(16 * MiB, { writeFaults: [bad] }, async (drive) => {
          const fd = openSync(drive.backingFile, 'r+');
          writeSync(fd, Buffer.alloc(16 * MiB, 0x5a));
          fsyncSync(fd);
          closeSync(fd);
          const r = runGomme(
            ['erase', drive.path, '--method', 'zero', '--verify', 'last', '--yes', '--json'],
            {
              GOMME_DATA_DIR: dataDir,
            },
          );
          expect(r.code).toBe(7);
          const result = r.lines.at(-1) as {
            drives: Array<{
              result: string;
              errors: Array<{ operation: string; offset: number; length: number; code: string }>;
            }>;
          };
          const [only] = result.drives;
          expect(only?.result).toBe('FAILED');
          const writeErrors = only?.errors.filter((e) => e.operation === 'write') ?? [];
          expect(writeErrors.length).toBeGreaterThan(0);
          for (const e of writeErrors) {
            expect(e.code).toBe('EIO');
            expect(e.offset).toBeGreaterThanOrEqual(bad.start - 64 * 1024);
            expect(e.offset + e.length).toBeLessThanOrEqual(bad.end + 64 * 1024);
          }
          // Everything outside the bad range was erased.
          const medium = readFileSync(drive.backingFile);
          expect(medium.subarray(0, bad.start - 64 * 1024).equals(Buffer.alloc(bad.start - 64 * 1024))).toBe(
            true,
          );
          expect(medium.subarray(bad.end + 64 * 1024).every((b) => b === 0)).toBe(true);
          expect(medium.subarray(bad.start, bad.end).every((b) => b === 0x5a)).toBe(true);
        });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  },
);
