import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { readHubLink } from '../certificates/hub-link.js';
import { GommeError } from '../core/errors.js';
import { type Text, text } from '../core/i18n.js';
import { fileErrorWords } from '../core/words/io-errors.js';
import type { DiagReport } from '../diagnostics/run-diagnostics.js';
import type { PushRun } from './hub/push-outbox.js';
import { syncInBackground } from './hub/sync-station.js';
import { queueFileForHub } from './hub-queue.js';

/** DATA_DIR/diagnostics/: one gomme-diag JSON report per run, named after the machine and the UTC time. */
export const DIAGNOSTICS_DIR = 'diagnostics';

/**
 * What became of a report: `queued` (saved, and in the outbox for the workshop hub), `saved` (saved; this
 * station is linked to no hub), `not-queued` (saved, but the journal or the hub link could not be read:
 * `problem` says why), `not-written` (the file could not be written: `problem` says why). Never thrown: the
 * diagnostics ran whatever happens to their copy on disk.
 */
export type SavedDiagnostics =
  | { status: 'queued' | 'saved'; path: string; problem: null }
  | { status: 'not-queued' | 'not-written'; path: string; problem: Text };

/**
 * Writes the report to DATA_DIR/diagnostics/<serial or uuid>-<UTC stamp>.json (0600, atomic: a crash leaves the
 * old state or the whole file), then queues it for the hub when this station is linked to one (hub.json). A
 * station with no hub queues nothing: its reports stay on the data partition and no journal is opened for them.
 */
export function saveDiagnostics(
  dataDir: string,
  report: DiagReport,
  now: Date = new Date(),
): SavedDiagnostics {
  const dir = join(dataDir, DIAGNOSTICS_DIR);
  const path = freePath(dir, `${machineName(report)}-${utcStamp(now)}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeAtomic(path, `${JSON.stringify(report, null, 1)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    const why = fileErrorWords(error);
    return {
      status: 'not-written',
      path,
      problem: text(
        `rapport de diagnostic non enregistré dans ${path} : ${why.fr}`,
        `diagnostics report not saved to ${path}: ${why.en}`,
      ),
    };
  }
  let linked: boolean;
  try {
    linked = readHubLink(dataDir) !== null;
  } catch (error) {
    // A malformed hub.json: the report is safe; the link is the technician's to fix (`gomme hub enrol`).
    if (!(error instanceof GommeError)) throw error;
    return { status: 'not-queued', path, problem: error.text };
  }
  if (!linked) return { status: 'saved', path, problem: null };
  const notQueued = queueFileForHub(dataDir, 'diagnostics', path, now);
  return notQueued
    ? { status: 'not-queued', path, problem: notQueued.text }
    : { status: 'queued', path, problem: null };
}

/**
 * The guide and unattended mode: keep the report, then push at once in the background when it was queued (as
 * after an erasure); what cannot go now stays queued for the next machine or `gomme sync`.
 */
export function keepDiagnostics(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  report: DiagReport,
  now: Date = new Date(),
): { saved: SavedDiagnostics; sync: Promise<PushRun | null> } {
  const saved = saveDiagnostics(dataDir, report, now);
  return { saved, sync: saved.status === 'queued' ? syncInBackground(dataDir, env) : Promise.resolve(null) };
}

/** The line a person reads after the report (a report not written: its `problem` says so instead). */
export function savedWords(saved: SavedDiagnostics): Text {
  const { path } = saved;
  switch (saved.status) {
    case 'queued':
      return text(
        `Rapport enregistré : ${path} (il partira vers le hub à la prochaine synchronisation).`,
        `Report saved: ${path} (it goes to the hub at the next sync).`,
      );
    case 'saved':
      return text(`Rapport enregistré : ${path}.`, `Report saved: ${path}.`);
    case 'not-queued':
      return text(
        `Rapport enregistré : ${path}, mais pas mis en attente pour le hub.`,
        `Report saved: ${path}, but not queued for the hub.`,
      );
    case 'not-written':
      return saved.problem;
  }
}

/** The machine's serial, else its SMBIOS UUID, else "machine"; only characters safe in any file system. */
export function machineName(report: Pick<DiagReport, 'inventory'>): string {
  const { serial, uuid } = report.inventory.system;
  const safe = (s: string | null) =>
    (s ?? '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 64);
  return safe(serial) || safe(uuid) || 'machine';
}

/** 2026-11-29T10:00:00.123Z → 20261129T100000Z (sorts by time, no colon for vfat). */
function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Two runs on the same machine within a second get -2, -3…: a report is never overwritten. */
function freePath(dir: string, base: string): string {
  let path = join(dir, `${base}.json`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.json`);
  return path;
}

/** Temp file in the same folder, fsync, rename over, fsync the folder: the name points at a whole file. */
function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd: number | null = openSync(tmp, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // a stale temp file of an earlier run keeps its mode otherwise
    writeFileSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
