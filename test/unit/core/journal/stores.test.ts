import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyJournalError,
  JournalBusyError,
  JournalCorruptError,
  JournalFullError,
  JournalIoError,
  JournalReadOnlyError,
  openJournal,
  retryDelayMs,
  type WritePoint,
} from '../../../../core/journal/index.js';
import { addPassBytes, closeSegment } from '../../../../core/journal/job-figures.js';
import { fakeDrive } from '../../../component/tui/fakes.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gomme-stores-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const MiB = 1024 * 1024;
const plan = { methodId: 'zero' };

describe('job figures', () => {
  it('counts the bytes between checkpoints per pass, across pass boundaries, never twice', () => {
    const size = 8 * MiB;
    let totals = addPassBytes([], { pass: 0, offset: 0 }, { pass: 0, offset: 4 * MiB }, size);
    expect(totals).toEqual([4 * MiB]);
    totals = addPassBytes(totals, { pass: 0, offset: 4 * MiB }, { pass: 1, offset: 2 * MiB }, size);
    expect(totals).toEqual([8 * MiB, 2 * MiB]);
    // The same checkpoint again (a resume starts there) adds nothing.
    expect(addPassBytes(totals, { pass: 1, offset: 2 * MiB }, { pass: 1, offset: 2 * MiB }, size)).toEqual(
      totals,
    );
    // The checkpoint that opens the next pass adds the end of this one only.
    expect(addPassBytes(totals, { pass: 1, offset: 2 * MiB }, { pass: 2, offset: 0 }, size)).toEqual([
      8 * MiB,
      8 * MiB,
    ]);
  });

  it('adds a segment’s seconds when it closes', () => {
    expect(closeSegment(10, '2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z')).toBe(70);
    expect(closeSegment(10, null, '2026-01-01T00:01:00.000Z')).toBe(10);
  });
});

describe('the jobs store', () => {
  it('keeps cumulative figures and the active time across a crash and a resume', () => {
    const journal = openJournal(tempDir());
    const drive = fakeDrive({ sizeBytes: 8 * MiB });
    const owner = { pid: 1, start: 'b:1' };
    journal.jobs.create({
      jobId: 'j',
      batchId: 'b',
      drive,
      plan,
      startedAt: '2026-01-01T00:00:00.000Z',
      owner,
    });
    journal.jobs.checkpoint('j', 0, 6 * MiB, '2026-01-01T00:00:30.000Z');
    // The process dies; another takes the job up from the checkpoint.
    journal.jobs.claim(
      'j',
      { pid: 2, start: 'b:2' },
      { detectedAt: '2026-01-01T01:00:00.000Z', pass: 0, offset: 6 * MiB, reason: 'process-died' },
      '2026-01-01T01:00:00.000Z',
    );
    journal.jobs.checkpoint('j', 1, 0, '2026-01-01T01:00:10.000Z');
    journal.jobs.finish('j', { result: 'ERASED' }, '2026-01-01T01:00:20.000Z');
    const job = journal.jobs.get('j');
    expect(job?.figures).toEqual({ bytesWritten: 8 * MiB, passBytes: [8 * MiB], seconds: 50 });
    expect(job).toMatchObject({ state: 'finished', result: 'ERASED', owner: { pid: 2, start: 'b:2' } });
    expect(job?.interruptions).toHaveLength(1);
    journal.close();
  });

  it('discards an unfinished job for good (ABORTED, with why), and only an unfinished one', () => {
    const journal = openJournal(tempDir());
    journal.jobs.create({
      jobId: 'j',
      batchId: 'b',
      drive: fakeDrive(),
      plan,
      startedAt: '2026-01-01T00:00:00.000Z',
      owner: { pid: 1, start: null },
    });
    expect(journal.jobs.discard('j', 'drive gone', '2026-01-02T00:00:00.000Z')).toBe(true);
    expect(journal.jobs.get('j')).toMatchObject({
      state: 'finished',
      result: 'ABORTED',
      discarded: { reason: 'drive gone' },
    });
    expect(journal.jobs.discard('j', 'again', '2026-01-03T00:00:00.000Z')).toBe(false);
    expect(journal.jobs.unfinished()).toEqual([]);
    journal.close();
  });

  it('refuses a new job before any write: never resumable, never recorded, never discarded into a record', () => {
    const seen: WritePoint[] = [];
    const journal = openJournal(tempDir(), { afterWrite: (points) => seen.push(...points) });
    journal.batches.create('b', { lot: 'L' }, '2026-01-01T00:00:00.000Z');
    for (const jobId of ['refused', 'written'])
      journal.jobs.create({
        jobId,
        batchId: 'b',
        drive: fakeDrive({ sizeBytes: 8 * MiB }),
        plan,
        startedAt: '2026-01-01T00:00:00.000Z',
        owner: { pid: 1, start: null },
      });
    const refusal = { code: 'busy', errno: 'EBUSY', detail: null };
    journal.jobs.refuse([{ jobId: 'refused', refusal }], '2026-01-01T00:00:05.000Z');
    expect(seen.at(-1)).toBe('job-refused');
    expect(journal.jobs.get('refused')).toMatchObject({
      state: 'refused',
      result: null,
      refusal,
      endedAt: '2026-01-01T00:00:05.000Z',
      recordId: null,
      figures: { bytesWritten: 0, seconds: 0 },
    });
    // Neither resumed nor turned into a record by the next command, nor closed into an ABORTED one.
    expect(journal.jobs.unfinished().map((j) => j.jobId)).toEqual(['written']);
    expect(journal.jobs.unrecorded()).toEqual([]);
    expect(journal.jobs.discard('refused', 'forgotten', '2026-01-02T00:00:00.000Z')).toBe(false);
    expect(journal.jobs.get('refused')?.state).toBe('refused');
    // A job that reached its drive can never be called refused.
    journal.jobs.checkpoint('written', 0, MiB, '2026-01-01T00:00:03.000Z');
    expect(() =>
      journal.jobs.refuse(
        [
          { jobId: 'written', refusal },
          { jobId: 'refused', refusal },
        ],
        '2026-01-01T00:00:06.000Z',
      ),
    ).toThrow(RangeError);
    // All or nothing: the transaction rolled back.
    expect(journal.jobs.get('written')?.state).toBe('running');
    expect(journal.jobs.get('refused')?.endedAt).toBe('2026-01-01T00:00:05.000Z');
    journal.close();
  });
});

describe('write points and transactions', () => {
  it('reports each write once it is durable; a transaction reports all its points at its end, a failed one none', () => {
    const seen: WritePoint[][] = [];
    const journal = openJournal(tempDir(), { afterWrite: (points) => seen.push([...points]) });
    journal.transaction(() => {
      journal.batches.create('b', { lot: 'L' }, '2026-01-01T00:00:00.000Z');
      journal.jobs.create({
        jobId: 'j',
        batchId: 'b',
        drive: fakeDrive(),
        plan,
        startedAt: '2026-01-01T00:00:00.000Z',
        owner: { pid: 1, start: null },
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([['batch-created', 'job-created']]);
    expect(() =>
      journal.transaction(() => {
        journal.batches.create('c', {}, 'x');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(seen).toHaveLength(1);
    expect(journal.batches.facts('c')).toBeNull();
    journal.close();
  });
});

describe('the outbox', () => {
  it('queues once per content, retries later and later, and closes only on the same SHA-256', () => {
    const journal = openJournal(tempDir());
    const item = {
      kind: 'diagnostics' as const,
      ref: 'diag-1.json',
      path: '/data/diag-1.json',
      sha256: 'aa',
      bytes: 10,
    };
    journal.outbox.enqueue(item, '2026-01-01T00:00:00.000Z');
    journal.outbox.enqueue(item, '2026-01-01T00:00:05.000Z');
    const [queued] = journal.outbox.due('2026-01-01T00:00:00.000Z');
    expect(journal.outbox.list()).toHaveLength(1);
    expect(queued).toMatchObject({ attempts: 0, acknowledgedAt: null });
    journal.outbox.failed(queued!.itemId, 'hub unreachable', new Date('2026-01-01T00:01:00.000Z'));
    expect(journal.outbox.due('2026-01-01T00:01:30.000Z')).toEqual([]);
    expect(journal.outbox.due('2026-01-01T00:02:00.000Z')[0]).toMatchObject({
      attempts: 1,
      lastError: 'hub unreachable',
    });
    expect(journal.outbox.acknowledge(queued!.itemId, 'bb', new Date())).toBe(false);
    expect(journal.outbox.list({ pending: true })).toHaveLength(1);
    expect(journal.outbox.acknowledge(queued!.itemId, 'aa', new Date())).toBe(true);
    expect(journal.outbox.list({ pending: true })).toEqual([]);
    journal.close();
  });

  it('waits 1 min, doubling, at most 6 h', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });
});

describe('journal errors are typed, with the file and a recovery', () => {
  const file = '/nowhere/gomme/journal.sqlite';
  const err = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['SQLITE_FULL', JournalFullError],
    ['ENOSPC', JournalFullError],
    ['SQLITE_READONLY', JournalReadOnlyError],
    ['EROFS', JournalReadOnlyError],
    ['SQLITE_CORRUPT', JournalCorruptError],
    ['SQLITE_NOTADB', JournalCorruptError],
    ['SQLITE_BUSY', JournalBusyError],
    ['SQLITE_IOERR_WRITE', JournalIoError],
  ])('%s', (code, type) => {
    // A real, writable folder: a plain I/O error there is neither "full" nor "read-only".
    const typed = classifyJournalError(
      err(code),
      code.startsWith('SQLITE_IOERR') ? join(tempDir(), 'journal.sqlite') : file,
    );
    expect(typed).toBeInstanceOf(type);
    expect(typed?.exitCode).toBe(13);
    expect(typed?.text.fr).toContain('journal.sqlite');
    expect(typed?.hint?.en).toBeTruthy();
  });

  it('a damaged journal: copy first, set it aside, read the records back', () => {
    const hint = classifyJournalError(err('SQLITE_CORRUPT'), file)?.hint?.en ?? '';
    expect(hint).toMatch(/copy journal\.sqlite, journal\.sqlite-wal and journal\.sqlite-shm/);
    expect(hint).toContain(`mv ${file} ${file}.endommage-`);
    expect(hint).toContain('.recover');
  });

  it('anything else is not a journal condition', () => {
    expect(classifyJournalError(new TypeError('bug'), file)).toBeNull();
    expect(classifyJournalError(err('SQLITE_CONSTRAINT'), file)).toBeNull();
  });
});
