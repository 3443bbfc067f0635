import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IoErrorRange } from '../../../core/events.js';
import { TargetsBusyError } from '../../../erasure/io/errors.js';
import type { JobJournal } from '../../../erasure/jobs/job-store.js';
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
  events: string[];
  errorsOf(id: string): IoErrorRange[];
} {
  const errors = new Map<string, IoErrorRange[]>();
  const failed: string[] = [];
  return {
    failed,
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
        // The session's check before any job exists, or runJobs' claim if the drive was taken in between.
        expect(r.code, r.stderr).toBe(3);
        expect(r.lines.at(-1)).toMatchObject({ type: 'error', exitCode: 3 });
        expect(['device-busy', 'targets-busy']).toContain(r.lines.at(-1)?.code);
        for (const l of loops) expect(String(r.lines.at(-1)?.message).includes(l.path)).toBe(l === busy);
        expect(r.lines.some((l) => l.type === 'job-started')).toBe(false);
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
        const jobs = loops.map((l, i) => {
          const drive = fakeDrive({ path: l.path, name: l.path.slice(5), serial: null, sizeBytes: 8 * MiB });
          const built = buildOverwritePlan(drive, { method: 'zero', verify: 'none' });
          if (!built.ok) throw new Error('no plan');
          return {
            jobId: `job-${i}`,
            drive,
            plan: built.plan.job,
            resumeFrom: null,
            startedAt: new Date().toISOString(),
          };
        });
        const journal = memoryJournal();
        const holder = await holdExclusively(loops[2]!.path);
        let failure: unknown;
        try {
          failure = await runJobs(jobs, {
            store: journal,
            vault: new InMemoryPasswordVault(),
            runner: { run: () => Promise.reject(new Error('no command expected')) },
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
        // New jobs are closed as refused (never resumable), with the reason.
        expect(journal.failed).toEqual(['job-0', 'job-1', 'job-2']);
        expect(journal.errorsOf('job-2')).toEqual([expect.objectContaining({ code: 'EBUSY' })]);
        expect(loops.map((l) => sha(readFileSync(l.backingFile)))).toEqual(before);
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
