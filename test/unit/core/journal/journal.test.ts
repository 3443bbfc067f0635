import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commitRecord,
  listRecords,
  loadLotRecords,
  loadRecord,
} from '../../../../certificates/journal-store.js';
import { buildErasureRecord } from '../../../../certificates/record/build-record.js';
import { type DataDirProbe, resolveDataDir } from '../../../../core/journal/data-dir.js';
import {
  JOURNAL_FILE,
  JournalTooNewError,
  openJournal,
  RecordConflictError,
} from '../../../../core/journal/index.js';
import { migrations } from '../../../../core/journal/migrations.js';
import { hddInput, sampleInput } from '../../certificates/fixtures/sample-input.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-journal-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openJournal', () => {
  it('creates a WAL journal at the latest schema version, file mode 0600', () => {
    const dir = tempDir();
    const db = openJournal(dir);
    expect(db.schemaVersion()).toBe(migrations.length);
    db.close();
    const raw = new BetterSqlite3(join(dir, JOURNAL_FILE), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect(statSync(join(dir, JOURNAL_FILE)).mode & 0o777).toBe(0o600);
    openJournal(dir).close(); // re-opening runs nothing twice
  });

  it('applies appended migrations in order and refuses a journal newer than the code', () => {
    const dir = tempDir();
    openJournal(dir).close();
    const extended = [
      ...migrations,
      { name: 'jobs', up: (db: import('better-sqlite3').Database) => db.exec('CREATE TABLE jobs (id TEXT)') },
    ];
    const db = openJournal(dir, { migrations: extended });
    expect(db.schemaVersion()).toBe(migrations.length + 1);
    db.close();
    expect(() => openJournal(dir)).toThrow(JournalTooNewError);
  });
});

describe('records in the journal', () => {
  it('commits idempotently and refuses different bytes under the same ID', () => {
    const db = openJournal(tempDir());
    const record = buildErasureRecord(sampleInput());
    expect(commitRecord(db, record).outcome).toBe('inserted');
    expect(commitRecord(db, record).outcome).toBe('already-present');
    expect(loadRecord(db, record.recordId)).toEqual(record);
    expect(() => commitRecord(db, { ...record, location: 'Lyon' })).toThrow(RecordConflictError);
    db.close();
  });

  it('filters by lot and date', () => {
    const db = openJournal(tempDir());
    const a = buildErasureRecord(sampleInput());
    const b = buildErasureRecord(
      sampleInput({
        lot: { id: 'LOT-B' },
        drives: [hddInput({ startedAt: '2026-04-01T08:00:00.000Z', finishedAt: '2026-04-01T09:00:00.000Z' })],
      }),
    );
    commitRecord(db, a);
    commitRecord(db, b);
    expect(listRecords(db).map((r) => r.recordId)).toEqual([a.recordId, b.recordId]);
    expect(loadLotRecords(db, 'LOT-B').map((r) => r.recordId)).toEqual([b.recordId]);
    expect(listRecords(db, { from: '2026-03-20' }).map((r) => r.recordId)).toEqual([b.recordId]);
    expect(listRecords(db, { to: '2026-03-14' }).map((r) => r.recordId)).toEqual([a.recordId]);
    db.certificates.insert({
      certificateId: `${a.recordId}-M`,
      kind: 'machine',
      recordId: a.recordId,
      lotId: a.lot.id,
      payloadSha256: 'x',
      pdfSha256: 'y',
      pdfPath: '/tmp/x.pdf',
      signer: 'fp',
      renderedAt: '2026-03-14T11:00:00.000Z',
    });
    expect(db.certificates.list(a.recordId)).toHaveLength(1);
    // Committing a record queued it for the hub in the same transaction.
    expect(db.outbox.list().map((i) => [i.kind, i.ref])).toEqual([
      ['record', a.recordId],
      ['record', b.recordId],
    ]);
    db.close();
  });
});

describe('resolveDataDir', () => {
  const probe = (over: Partial<DataDirProbe> = {}): DataDirProbe => ({
    mounts: () =>
      '/dev/sdb3 /run/live/persistence/sdb3 ext4 rw,relatime 0 0\n/dev/sdc1 /media/My\\040Stick vfat ro 0 0\n',
    deviceForLabel: () => null,
    home: () => '/home/tech',
    ...over,
  });

  it('prefers GOMME_DATA_DIR', () => {
    expect(resolveDataDir({ GOMME_DATA_DIR: '/x' }, probe({ deviceForLabel: () => '/dev/sdb3' }))).toBe('/x');
  });
  it('uses the mounted GOMME-DATA partition', () => {
    expect(resolveDataDir({}, probe({ deviceForLabel: () => '/dev/sdb3' }))).toBe(
      '/run/live/persistence/sdb3/gomme',
    );
  });
  it('ignores a read-only or unmounted data partition and falls back to XDG', () => {
    expect(resolveDataDir({}, probe({ deviceForLabel: () => '/dev/sdc1' }))).toBe(
      '/home/tech/.local/share/gomme',
    );
    expect(resolveDataDir({ XDG_DATA_HOME: '/xdg' }, probe({ deviceForLabel: () => '/dev/sdz9' }))).toBe(
      '/xdg/gomme',
    );
  });
});
