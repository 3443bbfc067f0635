/**
 * The fault suite's tools: loop devices only (targets, a mounted "protected" one, and an ext4 data partition
 * on a loop device that can be filled or turned read-only), the hooked child, and the three measures every
 * scenario is judged by.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openJournal } from '../../../core/journal/index.js';
import { jobStore } from '../../../erasure/jobs/job-store.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { createLoopDevice, type LoopDevice } from '../../helpers/loop-device.js';
import { unmount } from '../../helpers/mount.js';
import { type GommeRun, runGomme } from '../../helpers/run-gomme.js';
import type { ChildSpec } from '../child/erase-with-hook.js';
import { fill } from '../child/fill.js';

export const MiB = 1024 * 1024;
export const SIZE = 16 * MiB;
const CHILD = join(projectRoot, 'dist/test/faults/child/erase-with-hook.js');
/** Two passes (random, then zeros) verified in full: a drive "erased" is a drive of zeros. */
export const ERASE_OPTIONS = { method: 'random-then-zero', verify: 'last', checkpointInterval: '0' } as const;
export const ERASE_ARGS = ['--method', 'random-then-zero', '--verify', 'last', '--checkpoint-interval', '0'];

export const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const donor = (offset: number, length: number) => Buffer.alloc(length, `donor ${offset} `);

export interface Target {
  loop: LoopDevice;
  donorHash: string;
}

export function createTarget(size = SIZE): Target {
  const loop = createLoopDevice(size, { fill: donor });
  return { loop, donorHash: sha(loop.backingFile) };
}

/** Runs the hooked child (`gomme erase` in-process); stdout parsed as NDJSON. */
export function runChild(
  spec: ChildSpec,
  env: NodeJS.ProcessEnv,
): GommeRun & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [CHILD, JSON.stringify(spec)], {
    env: { ...process.env, GOMME_LANG: 'en', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return []; // a line cut by SIGKILL
      }
    });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, lines };
}

export const gomme = (args: string[], dataDir: string, env: NodeJS.ProcessEnv = {}) =>
  runGomme(args, { GOMME_DATA_DIR: dataDir, ...env });

/** No stack trace and no "internal error" ever reaches the operator. */
export function clean(run: { stderr: string }): boolean {
  return !/internal error|\n\s+at .+:\d+:\d+\)?/.test(run.stderr);
}

/** A key made once and copied into each data dir (keys init costs a second). */
let keyTemplate = '';
export function newDataDir(root: string, withKey = true): string {
  const dir = mkdtempSync(join(root, 'data-'));
  if (!withKey) return dir;
  if (!keyTemplate) {
    keyTemplate = mkdtempSync(join(tmpdir(), 'gomme-fault-key-'));
    const made = runGomme(['keys', 'init', '--organisation', 'Atelier des fautes'], {
      GOMME_DATA_DIR: keyTemplate,
    });
    if (made.code !== 0) throw new Error(`keys init: ${made.stderr}`);
  }
  cpSync(join(keyTemplate, 'keys'), join(dir, 'keys'), { recursive: true });
  return dir;
}

export function dropKeyTemplate(): void {
  if (keyTemplate) rmSync(keyTemplate, { recursive: true, force: true });
  keyTemplate = '';
}

/** An ext4 data partition on a loop device: it can be filled up, or turned read-only by an ext4 error. */
export interface DataFs {
  mount: string;
  /** GOMME_DATA_DIR, inside the mount. */
  dir: string;
  fill(): void;
  unfill(): void;
  /** ext4 errors=remount-ro: the next write fails with EROFS, as on a failing stick. */
  breakReadOnly(): void;
  /** fsck and mount again read-write (the technician's repair). */
  repair(): void;
  mountReadOnly(): void;
  teardown(): void;
}

export function createDataFs(root: string, size = 48 * MiB): DataFs {
  const loop = createLoopDevice(size);
  const mount = mkdtempSync(join(root, 'datafs-'));
  execFileSync('mkfs.ext4', [
    '-q',
    '-F',
    '-m',
    '0',
    '-E',
    'lazy_itable_init=0,lazy_journal_init=0',
    loop.path,
  ]);
  const mountRw = () => execFileSync('mount', ['-o', 'errors=remount-ro', loop.path, mount]);
  mountRw();
  const dir = join(mount, 'gomme');
  mkdirSync(dir);
  const fillers = join(mount, 'fillers');
  return {
    mount,
    dir,
    fill: () => fill(fillers),
    unfill: () => rmSync(fillers, { recursive: true, force: true }),
    breakReadOnly: () =>
      writeFileSync(`/sys/fs/ext4/${basename(loop.path)}/trigger_fs_error`, 'gomme fault test'),
    repair() {
      execFileSync('umount', [mount]);
      spawnSync('e2fsck', ['-fy', loop.path], { stdio: 'ignore' });
      mountRw();
    },
    mountReadOnly() {
      execFileSync('umount', [mount]);
      execFileSync('mount', ['-o', 'ro', loop.path, mount]);
    },
    teardown() {
      unmount(mount);
      loop.detach();
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

/** A mounted loop device: gomme must never write to it, whatever happens to the others. */
export interface ProtectedDrive {
  loop: LoopDevice;
  writes(): number;
  teardown(): void;
}

export function createProtectedDrive(root: string): ProtectedDrive {
  const loop = createLoopDevice(16 * MiB);
  const mount = mkdtempSync(join(root, 'protected-'));
  execFileSync('mkfs.ext4', ['-q', '-F', '-E', 'lazy_itable_init=0,lazy_journal_init=0', loop.path]);
  // Read-only, no journal replay: the mount itself writes nothing, so any change is gomme's.
  execFileSync('mount', ['-o', 'ro,noload', loop.path, mount]);
  const before = sha(loop.backingFile);
  return {
    loop,
    writes: () => (sha(loop.backingFile) === before ? 0 : 1),
    teardown() {
      unmount(mount);
      loop.detach();
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

export interface Measures {
  /** Drives whose content contradicts their latest record (ERASED but not all zeros). */
  contradictions: number;
  /** Drives written to with no committed record for them, and finished jobs without a record. */
  recordsLost: number;
  protectedWrites: number;
  /** Latest recorded result per target (null: none). */
  results: Array<string | null>;
}

/** Judges a scenario from the journal (read through its own API) and the backing files. */
export function measure(dataDir: string, targets: readonly Target[], prot: ProtectedDrive): Measures {
  const journal = openJournal(dataDir);
  try {
    const jobs = jobStore(journal).list();
    let contradictions = 0;
    let recordsLost = jobs.filter(
      (j) => j.state === 'finished' && (!j.recordId || !journal.records.get(j.recordId)),
    ).length;
    const results = targets.map((t) => {
      // Each scenario has its own journal: the device path names the drive.
      const mine = jobs.filter((j) => j.drive.path === t.loop.path);
      const touched = sha(t.loop.backingFile) !== t.donorHash;
      const recorded = mine.filter((j) => j.recordId);
      if (touched && recorded.length === 0) recordsLost++;
      const last = recorded.at(-1);
      if (!last?.recordId) return null;
      const record = JSON.parse(journal.records.get(last.recordId)?.json ?? '{}') as {
        drives?: Array<{ device: string; result: string; startedAt: string }>;
      };
      const entry = record.drives?.find(
        (d) => d.device === last.drive.path && d.startedAt === last.startedAt,
      );
      if (entry?.result === 'ERASED' && !readFileSync(t.loop.backingFile).every((b) => b === 0))
        contradictions++;
      return entry?.result ?? null;
    });
    return { contradictions, recordsLost, protectedWrites: prot.writes(), results };
  } finally {
    journal.close();
  }
}

/** Every result any record of the journal gives the target's drive, oldest first: a refused job adds none. */
export function recordedResults(dataDir: string, target: Target): string[] {
  const journal = openJournal(dataDir);
  try {
    return journal.records
      .list()
      .flatMap(
        (row) => (JSON.parse(row.json) as { drives: Array<{ device: string; result: string }> }).drives,
      )
      .filter((d) => d.device === target.loop.path)
      .map((d) => d.result);
  } finally {
    journal.close();
  }
}

/** The journal's jobs of the target's drive, as [state, refusal code]. */
export function jobStates(dataDir: string, target: Target): Array<[string, string | null]> {
  const journal = openJournal(dataDir);
  try {
    return jobStore(journal)
      .list()
      .filter((j) => j.drive.path === target.loop.path)
      .map((j) => [j.state, j.refusal?.code ?? null]);
  } finally {
    journal.close();
  }
}
