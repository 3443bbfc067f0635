/**
 * Hostile inputs: keys missing, wrong, unreadable; a bad config; the same drive twice; a drive that already has
 * an interrupted job; two jobs for one drive; a job whose drive is gone; a reused PID; a drive in use.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openJournal } from '../../../core/journal/index.js';
import { jobStore } from '../../../erasure/jobs/job-store.js';
import { waitUntilFree } from '../../helpers/device-released.js';
import { attachLoopDevice } from '../../helpers/loop-device.js';
import { unmount } from '../../helpers/mount.js';
import {
  clean,
  createTarget,
  ERASE_ARGS,
  ERASE_OPTIONS,
  gomme,
  jobStates,
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

export interface HostileScenario {
  name: string;
  run(root: string, prot: ProtectedDrive): Promise<Row>;
}

const RESUME = ['erase', '--resume', '--yes', '--json', '--checkpoint-interval', '0'];
const erase = (t: Target, dataDir: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []) =>
  gomme(['erase', t.loop.path, ...extra, '--yes', '--json', ...ERASE_ARGS], dataDir, env);

/** Refused before the first byte: the drive unchanged, no job in the journal. */
function refusedBefore(
  name: string,
  prepare: (dataDir: string) => NodeJS.ProcessEnv,
  expected: { exit: number; code: string },
): HostileScenario {
  return {
    name,
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const env = prepare(dataDir);
        const r = erase(target, dataDir, env);
        expect(r.code, r.stderr).toBe(expected.exit);
        expect(clean(r)).toBe(true);
        expect(r.lines.at(-1)).toMatchObject({ type: 'error', code: expected.code });
        expect(sha(target.loop.backingFile)).toBe(target.donorHash);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual([null]);
        return { group: 'hostile', name, exit: String(r.code), ...m };
      } finally {
        target.loop.detach();
      }
    },
  };
}

async function killedJob(target: Target, dataDir: string, nth = 2): Promise<string> {
  const run = runChild(
    { devices: [target.loop.path], options: ERASE_OPTIONS, acts: [{ at: 'checkpoint', nth, do: 'kill' }] },
    { GOMME_DATA_DIR: dataDir },
  );
  const started = run.lines.find((l) => l.type === 'job-started');
  if (run.signal !== 'SIGKILL' || typeof started?.jobId !== 'string')
    throw new Error(`not killed: ${run.stderr}`);
  await waitUntilFree(target.loop.path);
  return started.jobId;
}

const jobStarts = (lines: Array<Record<string, unknown>>) =>
  lines.filter((l) => l.type === 'job-started').length;

export const HOSTILE: HostileScenario[] = [
  {
    name: 'no signing key: erased, recorded unsigned, told before the erasure',
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root, false);
        const r = erase(target, dataDir);
        expect(r.code, r.stderr).toBe(0);
        const notice = r.lines.findIndex((l) => l.type === 'notice');
        const started = r.lines.findIndex((l) => l.type === 'job-started');
        expect(notice).toBeGreaterThanOrEqual(0);
        expect(notice).toBeLessThan(started);
        expect(r.lines.at(-1)).toMatchObject({
          type: 'result',
          drives: [{ result: 'ERASED', certificate: null }],
        });
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return { group: 'hostile', name: 'no signing key', exit: String(r.code), ...m };
      } finally {
        target.loop.detach();
      }
    },
  },
  refusedBefore(
    'wrong key passphrase',
    (dataDir) => {
      encryptedKey(dataDir);
      return { GOMME_KEY_PASSPHRASE: 'wrong' };
    },
    { exit: 10, code: 'key-passphrase' },
  ),
  refusedBefore(
    'key needs a passphrase, none given',
    (dataDir) => {
      encryptedKey(dataDir);
      return {};
    },
    { exit: 10, code: 'key-passphrase' },
  ),
  refusedBefore(
    'key file unreadable (garbage)',
    (dataDir) => {
      writeFileSync(join(dataDir, 'keys', 'org-key.pem'), 'not a key\n');
      return {};
    },
    { exit: 10, code: 'key-file' },
  ),
  refusedBefore(
    'key file unreadable (a folder)',
    (dataDir) => {
      rmSync(join(dataDir, 'keys', 'org-key.pem'));
      mkdirSync(join(dataDir, 'keys', 'org-key.pem'));
      return {};
    },
    { exit: 10, code: 'key-file' },
  ),
  refusedBefore(
    'config.json invalid',
    (dataDir) => {
      writeFileSync(join(dataDir, 'config.json'), '{"organisation": 42');
      return {};
    },
    { exit: 10, code: 'config-invalid' },
  ),
  {
    name: 'the same drive named twice',
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const r = erase(target, dataDir, {}, [target.loop.path]);
        expect(r.code, r.stderr).toBe(0);
        expect(jobStarts(r.lines)).toBe(1);
        expect((r.lines.at(-1) as { drives: unknown[] }).drives).toHaveLength(1);
        const m = measure(dataDir, [target], prot);
        return { group: 'hostile', name: 'the same drive named twice', exit: String(r.code), ...m };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'a new erasure of a drive with an interrupted job',
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const jobId = await killedJob(target, dataDir);
        const partial = sha(target.loop.backingFile);
        const r = erase(target, dataDir);
        expect(r.code).toBe(3);
        expect(r.lines.at(-1)).toMatchObject({ code: 'drive-has-job', hint: expect.stringContaining(jobId) });
        expect(sha(target.loop.backingFile)).toBe(partial);
        const resumed = gomme(RESUME, dataDir);
        expect(resumed.code, resumed.stderr).toBe(0);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'hostile',
          name: 'second erasure of a drive with an interrupted job',
          exit: `${r.code}, then ${resumed.code}`,
          ...m,
        };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'two interrupted jobs for one drive',
    async run(root, prot) {
      const target = createTarget();
      try {
        const dataDir = newDataDir(root);
        const older = await killedJob(target, dataDir);
        // An older gomme let a second job start on the same drive: copy the first one, as it would have been.
        const journal = openJournal(dataDir);
        const store = jobStore(journal);
        const first = store.get(older);
        if (!first) throw new Error('no job');
        journal.transaction(() => {
          journal.batches.create(
            'second-batch',
            journal.batches.facts(first.batchId),
            new Date().toISOString(),
          );
          store.create({
            ...first,
            jobId: 'second-job',
            batchId: 'second-batch',
            owner: { pid: 1 << 22, start: null },
          });
        });
        journal.close();
        const r = gomme(RESUME, dataDir);
        expect(r.code, r.stderr).toBe(0);
        expect(jobStarts(r.lines)).toBe(1);
        expect(r.lines.find((l) => l.type === 'job-started')).toMatchObject({ jobId: 'second-job' });
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'hostile',
          name: 'two interrupted jobs for one drive (newest resumed)',
          exit: String(r.code),
          ...m,
        };
      } finally {
        target.loop.detach();
      }
    },
  },
  {
    name: 'a job whose drive is gone',
    async run(root, prot) {
      const dir = mkdtempSync(join(root, 'gone-'));
      const file = join(dir, 'disk.img');
      writeFileSync(file, Buffer.alloc(SIZE, 'donor '));
      const goneLoop = attachLoopDevice(file);
      const gone: Target = { loop: goneLoop, donorHash: sha(file) };
      const other = createTarget();
      try {
        const dataDir = newDataDir(root);
        const goneJob = await killedJob(gone, dataDir);
        await killedJob(other, dataDir);
        goneLoop.detach();
        const resumed = gomme(RESUME, dataDir);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(resumed.stderr).toContain(`--forget ${goneJob}`);
        const alone = gomme(RESUME, dataDir);
        expect(alone.code).toBe(4);
        expect(alone.lines.at(-1)).toMatchObject({ code: 'resume-drives-missing' });
        const forgot = gomme(['erase', '--forget', goneJob, '--json'], dataDir);
        expect(forgot.code, forgot.stderr).toBe(0);
        expect(gomme(RESUME, dataDir).code).toBe(0);
        const m = measure(dataDir, [other], prot);
        expect(m.results).toEqual(['ERASED']);
        const journal = openJournal(dataDir);
        const lost = jobStore(journal)
          .list()
          .filter((j) => j.jobId === goneJob && !j.recordId).length;
        journal.close();
        return {
          group: 'hostile',
          name: 'a job whose drive is gone (listed, discarded, never blocking)',
          exit: `${resumed.code}, ${alone.code}, ${forgot.code}`,
          ...m,
          recordsLost: m.recordsLost + lost,
        };
      } finally {
        other.loop.detach();
        goneLoop.detach();
      }
    },
  },
  {
    name: 'a reused PID',
    async run(root, prot) {
      const target = createTarget();
      // A live process that is not gomme: its PID stands in for a reused one.
      const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        const dataDir = newDataDir(root);
        const jobId = await killedJob(target, dataDir);
        const journal = openJournal(dataDir);
        const job = jobStore(journal).get(jobId);
        if (!job || !stranger.pid) throw new Error('setup');
        // The job claims to be owned by the stranger's PID, with another start time.
        jobStore(journal).claim(
          jobId,
          { pid: stranger.pid, start: 'another-boot:12345' },
          {
            detectedAt: new Date().toISOString(),
            pass: job.checkpoint.pass,
            offset: job.checkpoint.offset,
            reason: 'process-died',
          },
          new Date().toISOString(),
        );
        journal.close();
        const r = gomme(RESUME, dataDir);
        expect(r.code, r.stderr).toBe(0);
        expect(jobStarts(r.lines)).toBe(1);
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return { group: 'hostile', name: 'a reused PID (start time differs)', exit: String(r.code), ...m };
      } finally {
        stranger.kill();
        target.loop.detach();
      }
    },
  },
  {
    name: 'a drive in use',
    async run(root, prot) {
      const target = createTarget();
      // Another program claims the drive exclusively.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `require('fs').openSync(${JSON.stringify(target.loop.path)}, require('fs').constants.O_RDONLY | require('fs').constants.O_EXCL); setInterval(() => {}, 1000)`,
        ],
        { stdio: 'ignore' },
      );
      let released = false;
      try {
        await new Promise((r) => setTimeout(r, 500));
        const dataDir = newDataDir(root);
        const r = erase(target, dataDir);
        // The engine's claim refuses it, before any write: one typed error naming the drive and why.
        expect(r.code, r.stderr).toBe(3);
        expect(clean(r)).toBe(true);
        expect(r.lines.at(-1)).toMatchObject({ type: 'error', code: 'targets-busy' });
        expect(String(r.lines.at(-1)?.message)).toContain(`${target.loop.path} (in use`);
        expect(jobStarts(r.lines)).toBe(0);
        expect(sha(target.loop.backingFile)).toBe(target.donorHash);
        // The journal says refused (busy, EBUSY), not failed: nothing to resume, nothing to record.
        expect(jobStates(dataDir, target)).toEqual([['refused', 'busy']]);
        expect(measure(dataDir, [target], prot).results).toEqual([null]);
        const jobs = gomme(['erase', '--jobs', '--json'], dataDir);
        expect(jobs.lines[0]).toMatchObject({
          jobs: [{ status: 'refused', result: null, refusal: { code: 'busy', errno: 'EBUSY' } }],
        });
        holder.kill();
        await new Promise((r) => holder.once('exit', r));
        released = true;
        // The drive is free: the next erasure runs normally, and no command turns the refusal into a record.
        const again = erase(target, dataDir);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stderr).not.toContain('interrupted erasure');
        expect(recordedResults(dataDir, target)).toEqual(['ERASED']);
        const history = gomme(['history', '--json'], dataDir, { GOMME_LANG: 'fr' });
        const entries = JSON.parse(history.stdout) as Array<Record<string, unknown>>;
        expect(entries.map((e) => [e.kind, e.result])).toEqual([
          ['record', 'ERASED'],
          ['refused', 'REFUSED'],
        ]);
        expect(entries[1]).toMatchObject({
          device: target.loop.path,
          refusal: { code: 'busy', reason: expect.stringContaining('utilisé ailleurs') },
        });
        const m = measure(dataDir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'hostile',
          name: 'a drive in use (refused at the claim, then erased once free)',
          exit: `${r.code}, then ${again.code}`,
          ...m,
        };
      } finally {
        if (!released) {
          holder.kill();
          await new Promise((r) => holder.once('exit', r));
        }
        target.loop.detach();
      }
    },
  },
  {
    name: 'a drive mounted between discovery and the claim',
    async run(root, prot) {
      const target = createTarget();
      const other = createTarget();
      const mnt = mkdtempSync(join(root, 'claim-mount-'));
      try {
        execFileSync('mkfs.ext4', [
          '-q',
          '-F',
          '-E',
          'lazy_itable_init=0,lazy_journal_init=0',
          target.loop.path,
        ]);
        const formatted = sha(target.loop.backingFile);
        const dataDir = newDataDir(root);
        // Discovery sees it free; once the jobs exist, it is mounted (read-only, no journal replay: the mount
        // itself writes nothing). The storage graph read again right before the claim must refuse the command.
        const r = runChild(
          {
            devices: [target.loop.path, other.loop.path],
            options: ERASE_OPTIONS,
            acts: [
              {
                at: 'job-created',
                nth: 1,
                do: 'exec',
                argv: ['mount', '-o', 'ro,noload', target.loop.path, mnt],
              },
            ],
          },
          { GOMME_DATA_DIR: dataDir },
        );
        expect(r.code, r.stderr).toBe(3);
        expect(clean(r)).toBe(true);
        expect(r.lines.at(-1)).toMatchObject({ type: 'error', code: 'targets-busy' });
        expect(String(r.lines.at(-1)?.message)).toContain(mnt);
        expect(sha(target.loop.backingFile)).toBe(formatted);
        expect(sha(other.loop.backingFile)).toBe(other.donorHash);
        expect(jobStates(dataDir, target)).toEqual([['refused', 'protected']]);
        expect(jobStates(dataDir, other)).toEqual([['refused', 'other-target']]);
        unmount(mnt);
        // Unmounted: both erase normally; neither ever gets a FAILED record.
        const again = gomme(
          ['erase', target.loop.path, other.loop.path, '--yes', '--json', ...ERASE_ARGS],
          dataDir,
        );
        expect(again.code, again.stderr).toBe(0);
        expect(recordedResults(dataDir, target)).toEqual(['ERASED']);
        expect(recordedResults(dataDir, other)).toEqual(['ERASED']);
        const m = measure(dataDir, [target, other], prot);
        expect(m.results).toEqual(['ERASED', 'ERASED']);
        return {
          group: 'hostile',
          name: 'a drive mounted between discovery and the claim (refused, then erased)',
          exit: `${r.code}, then ${again.code}`,
          ...m,
        };
      } finally {
        unmount(mnt);
        rmSync(mnt, { recursive: true, force: true });
        other.loop.detach();
        target.loop.detach();
      }
    },
  },
];

/** Replaces the copied key by one encrypted with a passphrase. */
function encryptedKey(dataDir: string): void {
  rmSync(join(dataDir, 'keys'), { recursive: true, force: true });
  const file = join(dataDir, 'pass.txt');
  writeFileSync(file, 'secret\n');
  const made = gomme(
    ['keys', 'init', '--organisation', 'Atelier chiffré', '--passphrase-file', file],
    dataDir,
  );
  if (made.code !== 0) throw new Error(made.stderr);
}
