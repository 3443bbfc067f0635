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
const VERSIONS = [1, 2, 3];

describe('every earlier journal migrates to the latest schema and keeps every row', () => {
  it('there is a fixture for every version before the latest', () => {
    expect(VERSIONS).toEqual(Array.from({ length: 3 }, (_, i) => i + 1));
    expect(migrations.length).toBeGreaterThan(Math.max(...VERSIONS));
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
      // Everything committed before the outbox existed is queued for the hub.
      expect(journal.outbox.list().map((i) => i.kind)).toEqual(['record', 'certificate', 'certificate']);
      if (version >= 2) {
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
      if (version >= 3) expect(await journal.passwords.recall('WD-WCAYUJ123456')).toBe('gomme-3f9a1c0b');
      journal.close();
      const after = rows(join(dir, JOURNAL_FILE));
      for (const [table, list] of Object.entries(before)) {
        expect(after[table], table).toHaveLength(list.length);
        // Every old column keeps its value.
        for (const [i, row] of list.entries())
          expect(after[table]?.[i], `${table}[${i}]`).toMatchObject(row as object);
      }
    });
  }
});
