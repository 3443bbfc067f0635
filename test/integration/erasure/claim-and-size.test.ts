import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recheckProtection } from '../../../core/detect/recheck.js';
import type { IoErrorRange } from '../../../core/events.js';
import { openJournal } from '../../../core/journal/index.js';
import { realSystem } from '../../../core/run/system.js';
import { TargetsBusyError } from '../../../erasure/io/errors.js';
import { type JobJournal, type JobRefusal, jobStore } from '../../../erasure/jobs/job-store.js';
import { runJobs } from '../../../erasure/jobs/run-jobs.js';
import { buildOverwritePlan } from '../../../erasure/plan/build-plan.js';
import { InMemoryPasswordVault } from '../../../erasure/purge/password-vault.js';
import { fakeDrive } from '../../component/tui/fakes.js';
import { withLoopDevices } from '../../helpers/loop-device.js';
import { runGomme, spawnGomme } from '../../helpers/run-gomme.js';

const isRoot = process.getuid?.() === 0;
const MiB = 1 << 20;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const donor = (offset: number, length: number) => Buffer.alloc(length, `donor data ${offset} `);

/** Another program holding `path` open with O_EXCL (as a partitioning tool or a RAID assembly would). */
async function holdExclusively(path: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const fs = require('node:fs');
    fs.openSync(${JSON.stringify(path)}, fs.constants.O_RDONLY | fs.constants.O_EXCL);
    process.stdout.write('held\\n');
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));`;
  const holder = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`the holder exited (${code}) before holding ${path}`)));
  });
  return {
    release: () =>
      new Promise((resolve) => {
        holder.once('exit', () => resolve());
        holder.stdin.end();
      }),
  };
}

/** The journal part runJobs writes to, in memory. */
function memoryJournal(): JobJournal & {
  failed: string[];
  refused: Map<string, JobRefusal>;
  events: string[];
  errorsOf(id: string): IoErrorRange[];
} {
  const errors = new Map<string, IoErrorRange[]>();
  const failed: string[] = [];
  const refused = new Map<string, JobRefusal>();
  return {
    failed,
    refused,
    refuse: (jobs) => {
      for (const { jobId, refusal } of jobs) refused.set(jobId, refusal);
    },
    events: [],
    errorsOf: (id) => errors.get(id) ?? [],
    checkpoint: () => {},
    addError: (id, e) => errors.set(id, [...(errors.get(id) ?? []), e]),
    errors: (id) => errors.get(id) ?? [],
    finish: () => {},
    fail: (id) => failed.push(id),
    get: () => ({ interruptions: [] }),
  };
}

function overwriteJob(jobId: string, path: string, sizeBytes: number) {
  const drive = fakeDrive({ path, name: path.slice(5), serial: null, sizeBytes });
  const built = buildOverwritePlan(drive, { method: 'zero', verify: 'none' });
  if (!built.ok) throw new Error('no plan');
  return { jobId, drive, plan: built.plan.job, resumeFrom: null, startedAt: new Date().toISOString() };
}

/** losetup -d, then waits until the kernel has let go (the device below is detached right after). */
function detachAndWait(path: string): void {
  execFileSync('losetup', ['-d', path]);
  const marker = `/sys/block/${path.slice(5)}/loop/backing_file`;
  for (const deadline = Date.now() + 5_000; existsSync(marker) && Date.now() < deadline; )
    spawnSync('sleep', ['0.05']);
}

describe.skipIf(!isRoot)('gomme erase claims every target before writing', () => {
  let dataDir = '';
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gomme-claim-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a drive held O_EXCL by another program among free ones: nothing written anywhere, exit 3 naming it', async () => {
    await withLoopDevices(
      [1, 2, 3].map(() => ({ sizeBytes: 8 * MiB, fill: donor })),
      async (loops) => {
        const before = loops.map((l) => sha(readFileSync(l.backingFile)));
        const busy = loops[1]!;
        const holder = await holdExclusively(busy.path);
        let r: ReturnType<typeof runGomme>;
        try {
          r = runGomme(['erase', ...loops.map((l) => l.path), '--method', 'zero', '--yes', '--json'], {
            GOMME_DATA_DIR: dataDir,
          });
        } finally {
          await holder.release();
        }
        // The engine's claim, before any write to any of them.
        expect(r.code, r.stderr).toBe(3);
        expect(r.lines.at(-1)).toMatchObject({ type: 'error', exitCode: 3, code: 'targets-busy' });
        const message = String(r.lines.at(-1)?.message);
        for (const l of loops) expect(message.includes(l.path)).toBe(l === busy);
        expect(message).toMatch(/opened by another program/);
        // No job started; the three are refused in the journal: nothing for a later command to record or resume.
        expect(r.lines.some((l) => l.type === 'job-started')).toBe(false);
        const journal = openJournal(dataDir);
        try {
          expect(
            jobStore(journal)
              .list()
              .map((j) => [j.device, j.state, j.refusal?.code]),
          ).toEqual(loops.map((l) => [l.path, 'refused', l === busy ? 'busy' : 'other-target']));
          expect(journal.records.list()).toEqual([]);
        } finally {
          journal.close();
        }
        expect(loops.map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
        // The refused jobs are closed in the journal: a later --resume must not erase them.
        const resume = runGomme(['erase', '--resume', '--yes', '--json'], { GOMME_DATA_DIR: dataDir });
        expect(resume.code).toBe(0);
        expect(resume.stdout).toContain('No erasure to resume');
        expect(loops.map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
      },
    );
  });

  it('runJobs claims every target before writing: one held elsewhere throws TargetsBusyError naming it', async () => {
    await withLoopDevices(
      [1, 2, 3].map(() => ({ sizeBytes: 8 * MiB, fill: donor })),
      async (loops) => {
        const before = loops.map((l) => sha(readFileSync(l.backingFile)));
        const jobs = loops.map((l, i) => overwriteJob(`job-${i}`, l.path, 8 * MiB));
        const journal = memoryJournal();
        const holder = await holdExclusively(loops[2]!.path);
        let failure: unknown;
        try {
          failure = await runJobs(jobs, {
            store: journal,
            vault: new InMemoryPasswordVault(),
            runner: { run: () => Promise.reject(new Error('no command expected')) },
            recheck: (drive) => recheckProtection(realSystem(), drive),
            emit: (e) => journal.events.push(e.type),
          }).catch((error: unknown) => error);
        } finally {
          await holder.release();
        }
        expect(failure).toBeInstanceOf(TargetsBusyError);
        expect((failure as TargetsBusyError).refusals).toEqual([
          { device: loops[2]!.path, jobId: 'job-2', refusal: 'busy', errno: 'EBUSY' },
        ]);
        expect((failure as TargetsBusyError).exitCode).toBe(3);
        expect(journal.events).toEqual([]);
        // New jobs are closed as refused (never resumable, never recorded), with the reason; none failed.
        expect(journal.failed).toEqual([]);
        expect(journal.errorsOf('job-2')).toEqual([]);
        expect(Object.fromEntries(journal.refused)).toEqual({
          'job-0': { code: 'other-target', errno: null, detail: { fr: loops[2]!.path, en: loops[2]!.path } },
          'job-1': { code: 'other-target', errno: null, detail: { fr: loops[2]!.path, en: loops[2]!.path } },
          'job-2': { code: 'busy', errno: 'EBUSY', detail: null },
        });
        expect(loops.map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
      },
    );
  });

  it('runJobs reads the storage graph again right before the claim: a loop stacked on a target and mounted since refuses all', async () => {
    await withLoopDevices(
      [1, 2].map(() => ({ sizeBytes: 32 * MiB, fill: donor })),
      async ([lower, free]) => {
        const jobs = [lower!, free!].map((l, i) => overwriteJob(`job-${i}`, l.path, 32 * MiB));
        // After "discovery": a loop device over the target, a filesystem on it, mounted. The loop driver does not
        // hold its backing device exclusively, so the O_EXCL claim alone would not see it.
        const upper = execFileSync('losetup', ['-f', '--show', lower!.path], { encoding: 'utf8' }).trim();
        if (!/^\/dev\/loop\d+$/.test(upper)) throw new Error(`unexpected losetup output "${upper}"`);
        const mnt = join(dataDir, 'upper');
        let mounted = false;
        let frozen = false;
        try {
          execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', upper]);
          mkdirSync(mnt);
          execFileSync('mount', [upper, mnt]);
          mounted = true;
          // Frozen, the filesystem writes nothing by itself: any change to the files would be gomme's.
          execFileSync('fsfreeze', ['-f', mnt]);
          frozen = true;
          const before = [lower!, free!].map((l) => sha(readFileSync(l.backingFile)));
          const journal = memoryJournal();
          const failure = await runJobs(jobs, {
            store: journal,
            vault: new InMemoryPasswordVault(),
            runner: { run: () => Promise.reject(new Error('no command expected')) },
            recheck: (drive) => recheckProtection(realSystem(), drive),
            emit: (e) => journal.events.push(e.type),
          }).catch((error: unknown) => error);
          expect(failure).toBeInstanceOf(TargetsBusyError);
          const refusals = (failure as TargetsBusyError).refusals;
          expect(refusals).toEqual([
            expect.objectContaining({
              device: lower!.path,
              jobId: 'job-0',
              refusal: 'protected',
              errno: null,
            }),
          ]);
          // The reason names what rests on it, in both languages.
          expect(refusals[0]?.why?.en).toContain(mnt);
          expect(refusals[0]?.why?.fr).toContain(mnt);
          expect((failure as TargetsBusyError).message).toContain(`${lower!.path} (protected: `);
          expect(journal.events).toEqual([]);
          expect(journal.failed).toEqual([]);
          expect(journal.refused.get('job-0')).toMatchObject({ code: 'protected', errno: null });
          expect(journal.refused.get('job-0')?.detail?.en).toContain(mnt);
          expect(journal.refused.get('job-1')).toMatchObject({ code: 'other-target' });
          expect([lower!, free!].map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
        } finally {
          if (frozen) execFileSync('fsfreeze', ['-u', mnt]);
          if (mounted) execFileSync('umount', [mnt]);
          detachAndWait(upper);
        }
      },
    );
  });

  it('a new job whose drive is not the size discovery saw is refused at the claim: nothing written, no job failed', async () => {
    await withLoopDevices(
      [1, 2].map(() => ({ sizeBytes: 16 * MiB, fill: donor })),
      async ([resized, free]) => {
        const before = [resized!, free!].map((l) => sha(readFileSync(l.backingFile)));
        // Discovery saw 8 MiB; the kernel now says 16 MiB (a USB bridge re-enumerated, a loop grown).
        const jobs = [
          overwriteJob('job-0', resized!.path, 8 * MiB),
          overwriteJob('job-1', free!.path, 16 * MiB),
        ];
        const journal = memoryJournal();
        const failure = await runJobs(jobs, {
          store: journal,
          vault: new InMemoryPasswordVault(),
          runner: { run: () => Promise.reject(new Error('no command expected')) },
          recheck: (drive) => recheckProtection(realSystem(), drive),
          emit: (e) => journal.events.push(e.type),
        }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(TargetsBusyError);
        expect((failure as TargetsBusyError).refusals).toEqual([
          expect.objectContaining({ device: resized!.path, refusal: 'size-changed', errno: null }),
        ]);
        expect((failure as TargetsBusyError).text.fr).toContain('sa taille a changé depuis la détection');
        expect(journal.events).toEqual([]);
        expect(journal.failed).toEqual([]);
        expect(journal.refused.get('job-0')).toMatchObject({
          code: 'size-changed',
          detail: { en: `${8 * MiB} → ${16 * MiB} bytes` },
        });
        expect(journal.refused.get('job-1')).toMatchObject({ code: 'other-target' });
        expect([resized!, free!].map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
      },
    );
  });

  it('a drive that grows during the erasure fails with SIZE_CHANGED; its neighbour is erased', async () => {
    await withLoopDevices(
      [{ sizeBytes: 128 * MiB }, { sizeBytes: 16 * MiB, fill: donor }],
      async ([growing, other]) => {
        let grown = false;
        const run = await spawnGomme(
          [
            'erase',
            growing!.path,
            other!.path,
            '--method',
            'dod-short',
            '--verify',
            'last',
            '--checkpoint-interval',
            '20',
            '--yes',
            '--json',
          ],
          { GOMME_DATA_DIR: dataDir },
          (line) => {
            // During the first pass, the drive grows by 16 MiB (as when a hidden area is unlocked).
            if (!grown && line.type === 'checkpoint' && line.device === growing!.path) {
              grown = true;
              execFileSync('truncate', ['-s', String(144 * MiB), growing!.backingFile]);
              execFileSync('losetup', ['-c', growing!.path]);
            }
          },
        );
        expect(grown).toBe(true);
        expect(run.code).toBe(6);
        const result = run.lines.at(-1) as {
          drives: Array<{ device: string; result: string; errors: Array<{ code: string; message: string }> }>;
        };
        const [g, o] = [growing!, other!].map((l) => result.drives.find((d) => d.device === l.path));
        expect(o?.result).toBe('ERASED');
        expect(g?.result).toBe('FAILED');
        expect(g?.errors).toEqual([
          expect.objectContaining({
            code: 'SIZE_CHANGED',
            message: expect.stringContaining(
              `${128 * MiB} bytes expected, the kernel now reports ${144 * MiB}`,
            ),
          }),
        ]);
        const db = new BetterSqlite3(join(dataDir, 'journal.sqlite'), { readonly: true });
        const row = db.prepare('SELECT state, result FROM erase_jobs WHERE device = ?').get(growing!.path);
        db.close();
        expect(row).toEqual({ state: 'finished', result: 'FAILED' });
      },
    );
  });
});
