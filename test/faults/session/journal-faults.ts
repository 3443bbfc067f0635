/**
 * The journal's medium fails: full, read-only (ext4 errors=remount-ro), or the file damaged, before, during
 * and after the writes of an erasure. Before: nothing reaches the drive. During and after: the jobs stop
 * cleanly, the emergency copy says what reached the drive, and once the technician repairs the medium the next
 * command ends with every record committed.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { JOURNAL_FILE } from '../../../core/journal/index.js';
import { corruptRecordsIndex, corruptRecordsTable } from '../child/corrupt-journal.js';
import {
  clean,
  createDataFs,
  createTarget,
  type DataFs,
  ERASE_ARGS,
  ERASE_OPTIONS,
  gomme,
  measure,
  newDataDir,
  type ProtectedDrive,
  runChild,
  sha,
  type Target,
} from './harness.js';
import type { Row } from './summary.js';

export interface FaultScenario {
  name: string;
  run(root: string, prot: ProtectedDrive): Promise<Row>;
}

const RESUME = ['erase', '--resume', '--yes', '--json', '--checkpoint-interval', '0'];

/** The copies, and the temporary folder's `gomme-emergency` once empty (gomme falls back there). */
function removeEmergencyCopies(files: string[]): void {
  for (const f of files) rmSync(f);
  for (const dir of new Set(files.map((f) => dirname(f))))
    if (dir === join(tmpdir(), 'gomme-emergency') && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** The emergency line: every target named with what reached it, and a copy of the record somewhere. */
function expectEmergency(lines: Array<Record<string, unknown>>, target: Target): string[] {
  const emergency = lines.find((l) => l.type === 'emergency') as
    | { drives: Array<{ device: string; checkpoint: { pass: number } }>; files: string[]; records: unknown[] }
    | undefined;
  expect(emergency?.drives.map((d) => d.device)).toEqual([target.loop.path]);
  expect(emergency?.records).toHaveLength(1);
  expect(emergency?.files.length).toBeGreaterThan(0);
  for (const f of emergency?.files ?? []) expect(JSON.parse(readFileSync(f, 'utf8')).drives).toHaveLength(1);
  return emergency?.files ?? [];
}

/** A data partition on ext4, with the suite's key in its data dir. */
function dataOnFs(root: string): DataFs {
  const fs = createDataFs(root);
  cpSync(join(newDataDir(root), 'keys'), join(fs.dir, 'keys'), { recursive: true });
  return fs;
}

type When = 'before' | 'during' | 'after';
const AT: Record<Exclude<When, 'before'>, { at: 'checkpoint' | 'job-finished'; nth: number }> = {
  during: { at: 'checkpoint', nth: 3 },
  after: { at: 'job-finished', nth: 1 },
};

function mediumFault(kind: 'full' | 'read-only', when: When): FaultScenario {
  return {
    name: `journal ${kind} ${when} the writes`,
    async run(root, prot) {
      const fs = dataOnFs(root);
      const target = createTarget();
      try {
        const env = { GOMME_DATA_DIR: fs.dir };
        if (when === 'before') kind === 'full' ? fs.fill() : fs.mountReadOnly();
        const trigger = `/sys/fs/ext4/${basename(fsDevice(fs))}/trigger_fs_error`;
        const acts =
          when === 'before'
            ? []
            : [
                kind === 'full'
                  ? { ...AT[when], do: 'fill' as const, dir: join(fs.mount, 'fillers') }
                  : { ...AT[when], do: 'exec' as const, argv: ['sh', '-c', `echo fault > ${trigger}`] },
              ];
        const run = runChild({ devices: [target.loop.path], options: ERASE_OPTIONS, acts }, env);
        expect(run.code, run.stderr).toBe(13);
        expect(clean(run)).toBe(true);
        expect(run.lines.at(-1)).toMatchObject({ type: 'error', exitCode: 13, code: `journal-${kind}` });
        if (when === 'before') expect(sha(target.loop.backingFile)).toBe(target.donorHash);
        else removeEmergencyCopies(expectEmergency(run.lines, target));
        // The technician's repair, then the next command.
        if (kind === 'full') fs.unfill();
        else fs.repair();
        const next =
          when === 'before'
            ? gomme(['erase', target.loop.path, '--yes', '--json', ...ERASE_ARGS], fs.dir)
            : gomme(RESUME, fs.dir);
        expect(next.code, next.stderr).toBe(0);
        const m = measure(fs.dir, [target], prot);
        expect(m.results).toEqual(['ERASED']);
        return {
          group: 'fault',
          name: `journal ${kind} ${when} the writes`,
          exit: `${run.code}, then ${next.code}`,
          ...m,
        };
      } finally {
        target.loop.detach();
        fs.teardown();
      }
    },
  };
}

function fsDevice(fs: DataFs): string {
  const line = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[1] === fs.mount);
  return line?.split(' ')[0] ?? '';
}

/** A first drive erased and recorded, so there is something in the journal to damage. */
function firstErasure(dataDir: string): Target {
  const first = createTarget();
  const r = gomme(['erase', first.loop.path, '--yes', '--json', ...ERASE_ARGS], dataDir);
  expect(r.code, r.stderr).toBe(0);
  return first;
}

function corruption(when: When | 'before (table)'): FaultScenario {
  return {
    name: `journal damaged ${when} the writes`,
    async run(root, prot) {
      const dataDir = newDataDir(root);
      const file = join(dataDir, JOURNAL_FILE);
      const first = firstErasure(dataDir);
      const target = createTarget();
      try {
        if (when === 'before') corruptRecordsIndex(file);
        if (when === 'before (table)') {
          corruptRecordsTable(file);
          const refused = gomme(['erase', target.loop.path, '--yes', '--json', ...ERASE_ARGS], dataDir);
          expect(refused.code).toBe(13);
          expect(clean(refused)).toBe(true);
          expect(refused.lines.at(-1)).toMatchObject({
            code: 'journal-corrupt',
            hint: expect.stringContaining('mv '),
          });
          expect(sha(target.loop.backingFile)).toBe(target.donorHash);
          // The first record survives in its signed PDF (the journal's copy needs sqlite3 .recover).
          const pdf = join(dataDir, 'certificates');
          expect(existsSync(pdf)).toBe(true);
          const kept = readdirSync(pdf).filter((f) => f.endsWith('-D1.en.pdf'));
          const verified = gomme(['cert', 'verify', join(pdf, kept[0] ?? 'none'), '--json'], dataDir);
          expect(verified.code).toBe(0);
          return {
            group: 'fault',
            name: 'journal damaged before the writes (records table)',
            exit: String(refused.code),
            contradictions: 0,
            recordsLost: 0,
            protectedWrites: prot.writes(),
          };
        }
        const acts =
          when === 'during'
            ? [{ at: 'checkpoint' as const, nth: 3, do: 'corrupt-index' as const, file }]
            : [];
        const run = runChild(
          { devices: [target.loop.path], options: ERASE_OPTIONS, acts },
          { GOMME_DATA_DIR: dataDir },
        );
        expect(clean(run)).toBe(true);
        // Damage the running process never reads may go unseen until the next start; either way nothing is lost.
        expect([0, 13]).toContain(run.code);
        if (when === 'before') expect(run.stderr).toContain('indexes rebuilt');
        if (when === 'after') corruptRecordsIndex(file);
        // The next command finds the damage, copies the journal aside, rebuilds the indexes and goes on.
        const next = gomme(RESUME, dataDir);
        expect(next.code, next.stderr).toBe(0);
        if (when !== 'before') expect(next.stderr).toContain('indexes rebuilt');
        const m = measure(dataDir, [first, target], prot);
        expect(m.results).toEqual(['ERASED', 'ERASED']);
        return {
          group: 'fault',
          name: `journal index damaged ${when} the writes`,
          exit: `${run.code}, then ${next.code}`,
          ...m,
        };
      } finally {
        first.loop.detach();
        target.loop.detach();
      }
    },
  };
}

export const JOURNAL_FAULTS: FaultScenario[] = [
  mediumFault('full', 'before'),
  mediumFault('full', 'during'),
  mediumFault('full', 'after'),
  mediumFault('read-only', 'before'),
  mediumFault('read-only', 'during'),
  mediumFault('read-only', 'after'),
  corruption('before'),
  corruption('before (table)'),
  corruption('during'),
  corruption('after'),
];
