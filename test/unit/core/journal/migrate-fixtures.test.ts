import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRecord } from '../../../../certificates/journal-store.js';
import { JOURNAL_FILE, openJournal } from '../../../../core/journal/index.js';
import { migrations } from '../../../../core/journal/migrations.js';
import { jobStore } from '../../../../erasure/jobs/job-store.js';
import { projectRoot } from '../../../helpers/fixtures.js';

/** Rows of every table of a journal file, read raw (what a migration must keep). */
function rows(file: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Journals made by the code of each earlier schema version (test/fixtures/journal/README.md). */
const VERSIONS = [1, 2, 3, 6];

/**
 * Schema 6 (made by gomme at 9bc2c10, test/fixtures/journal/README.md): an erasure recorded, a job killed
 * mid-erasure, and a command refused at the claim (loop1 held O_EXCL: EBUSY; loop0 refused with it) whose two
 * jobs that code closed as FAILED with no record yet. Left so, the next command would commit a record of two
 * failed erasures of drives never touched.
 */
describe('schema 6 → 7: jobs refused at the claim become refused, nothing else changes', () => {
  it('migrates the refused jobs with their reason, and no record is made of them', () => {
    const fixture = join(projectRoot, 'test/fixtures/journal/journal-v6.sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'gomme-migrate-'));
    dirs.push(dir);
    copyFileSync(fixture, join(dir, JOURNAL_FILE));
    const journal = openJournal(dir);
    try {
      expect(journal.schemaVersion()).toBe(migrations.length);
      expect(journal.integrity()).toMatchObject({ ok: true });
      const jobs = jobStore(journal).list();
      expect(
        jobs.map((j) => [j.device, j.state, j.result, j.refusal?.code ?? null, j.refusal?.errno ?? null]),
      ).toEqual([
        ['/dev/loop0', 'finished', 'ERASED', null, null],
        ['/dev/loop0', 'running', null, null, null],
        ['/dev/loop1', 'refused', null, 'busy', 'EBUSY'],
        ['/dev/loop0', 'refused', null, 'other-target', null],
      ]);
      // Not resumable, not to be recorded: the killed job alone is resumable, the recorded one keeps its record.
      expect(jobStore(journal).unrecorded()).toEqual([]);
      expect(
        jobStore(journal)
          .unfinished()
          .map((j) => j.jobId),
      ).toEqual([jobs[1]?.jobId]);
      expect(jobs[0]?.recordId).toBe(journal.records.list()[0]?.recordId);
      // The old errors stay, with the English message of the time.
      expect(jobStore(journal).errors(jobs[2]?.jobId ?? '')).toEqual([
        expect.objectContaining({ operation: 'command', code: 'EBUSY' }),
      ]);
      // Foreign keys still hold after the table was rebuilt, and are enforced again.
      expect(journal.integrity().ok).toBe(true);
      expect(() =>
        jobStore(journal).addError(
          'no-such-job',
          {
            operation: 'command',
            pass: null,
            offset: 0,
            length: 0,
            code: 'X',
            message: 'x',
          },
          '2026-01-01T00:00:00.000Z',
        ),
      ).toThrow();
    } finally {
      journal.close();
    }
  });
});

describe('every earlier journal migrates to the latest schema and keeps every row', () => {
  it('there is a fixture for every version before the latest', () => {
    // Schemas 4 and 5 shipped without a fixture of their time; 6 is the one before the refused jobs (7).
    expect(VERSIONS).toEqual([1, 2, 3, 6]);
    expect(migrations.length).toBe(7);
  });

  for (const version of VERSIONS) {
    it(`schema ${version} → ${migrations.length}`, async () => {
      const fixture = join(projectRoot, 'test/fixtures/journal', `journal-v${version}.sqlite`);
      const dir = mkdtempSync(join(tmpdir(), 'gomme-migrate-'));
      dirs.push(dir);
      copyFileSync(fixture, join(dir, JOURNAL_FILE));
      const before = rows(fixture);
      const journal = openJournal(dir);
      expect(journal.schemaVersion()).toBe(migrations.length);
      expect(journal.integrity()).toMatchObject({ ok: true });
      // The typed stores read the old rows.
      const record = journal.records.list()[0];
      expect(record && loadRecord(journal, record.recordId).recordId).toBe(record?.recordId);
      expect(journal.certificates.list()).toHaveLength(2);
      // Everything committed before the outbox existed is queued for the hub (schema 6 queued it itself).
      expect(
        journal.outbox
          .list()
          .map((i) => i.kind)
          .sort(),
      ).toEqual(['certificate', 'certificate', 'record']);
      if (version >= 2 && version <= 3) {
        const jobs = jobStore(journal).list();
        expect(jobs.map((j) => [j.jobId, j.state, j.result])).toEqual([
          ['job-finished', 'finished', 'FAILED'],
          ['job-aborted', 'aborted', 'ABORTED'],
          ['job-running', 'running', null],
          ['job-open-failed', 'finished', 'FAILED'],
        ]);
        // Figures of finished jobs come from their outcome; a running one keeps its resume point.
        expect(jobs[0]?.figures).toMatchObject({ bytesWritten: 134217728, seconds: 60 });
        expect(jobs[2]).toMatchObject({
          checkpoint: { pass: 2, offset: 8388608 },
          segmentStartedAt: jobs[2]?.startedAt,
        });
        expect(jobStore(journal).errors('job-finished')).toHaveLength(1);
        // Old finished jobs were certified by the code of their time: never recorded twice.
        expect(jobStore(journal).unrecorded()).toEqual([]);
        expect(
          jobStore(journal)
            .unfinished()
            .map((j) => j.jobId),
        ).toEqual(['job-aborted', 'job-running']);
      }
      if (version === 3) expect(await journal.passwords.recall('WD-WCAYUJ123456')).toBe('gomme-3f9a1c0b');
      if (version === 6) {
        expect(await journal.passwords.recall('WD-WCAYUJ654321')).toBe('gomme-6a1b2c3d');
        expect(await journal.passwords.attempts('ata-user:WD-WCAYUJ654321')).toBe(1);
      }
      journal.close();
      const after = rows(join(dir, JOURNAL_FILE));
      // Schema 7 turned jobs refused at the claim (FAILED, no record yet) into refused ones: those two columns.
      const changed = (table: string, row: unknown) =>
        table === 'erase_jobs' && (row as { state: string }).state === 'refused';
      for (const [table, list] of Object.entries(before)) {
        expect(after[table], table).toHaveLength(list.length);
        // Every old column keeps its value.
        for (const [i, row] of list.entries()) {
          const now = after[table]?.[i];
          const { state: _s, result: _r, ...kept } = row as Record<string, unknown>;
          expect(now, `${table}[${i}]`).toMatchObject(changed(table, now) ? kept : (row as object));
        }
      }
    });
  }
});
