import { describe, expect, it } from 'vitest';
import { JournalFullError } from '../../../core/journal/index.js';
import type { JobOutcome, JobRow, JobStore } from '../../../erasure/jobs/job-store.js';
import { GuardedJobJournal } from '../../../session/guarded-journal.js';
import { fakeDrive } from '../../component/tui/fakes.js';

const MiB = 1024 * 1024;
const drive = fakeDrive({ sizeBytes: 8 * MiB });

function row(): JobRow {
  return {
    jobId: 'j',
    batchId: 'b',
    device: drive.path,
    drive,
    plan: {
      methodId: 'zero',
      methodLabel: 'zero',
      nistLevel: 'clear',
      verify: 'none',
      passes: [],
      verifySeed: 's',
    },
    state: 'running',
    checkpoint: { pass: 0, offset: 0 },
    checkpointedAt: null,
    owner: { pid: 1, start: null },
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    segmentStartedAt: '2026-01-01T00:00:00.000Z',
    result: null,
    outcome: null,
    interruptions: [],
    figures: { bytesWritten: 0, passBytes: [], seconds: 0 },
    recordId: null,
    discarded: null,
    refusal: null,
  };
}

/** A store whose medium fills up after `ok` writes. */
function fillingStore(ok: number) {
  const writes: string[] = [];
  const write = (what: string) => {
    if (writes.length >= ok) throw new JournalFullError('/data/journal.sqlite', { freeBytes: 0 });
    writes.push(what);
  };
  const store = {
    checkpoint: (_j: string, pass: number, offset: number) => write(`checkpoint ${pass}@${offset}`),
    addError: () => write('error'),
    finish: (_j: string, outcome: JobOutcome) => write(`finish ${outcome.result}`),
    fail: () => write('fail'),
  } as unknown as JobStore;
  return { store, writes };
}

const outcome = (result: JobOutcome['result']): JobOutcome => ({
  result,
  errors: [],
  sizeBytes: 8 * MiB,
  bytesWritten: 8 * MiB,
  passesCompleted: 1,
  verification: {
    mode: 'none',
    passesVerified: 0,
    bytesRead: 0,
    coverage: 0,
    mismatchedBytes: 0,
    passed: null,
  },
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:10.000Z',
  seconds: 10,
});

describe('GuardedJobJournal', () => {
  it('the first journal failure stops the jobs once, never throws into the engine, and memory keeps the truth', () => {
    const { store, writes } = fillingStore(1);
    const faults: string[] = [];
    const guard = new GuardedJobJournal(store, [{ job: row(), errors: [] }], (e) => faults.push(e.code));
    guard.checkpoint('j', 0, 4 * MiB, '2026-01-01T00:00:03.000Z');
    expect(() => guard.checkpoint('j', 0, 8 * MiB, '2026-01-01T00:00:06.000Z')).not.toThrow();
    guard.finish('j', outcome('ABORTED'), '2026-01-01T00:00:07.000Z');
    expect(writes).toEqual([`checkpoint 0@${4 * MiB}`]);
    expect(faults).toEqual(['journal-full']);
    const job = guard.snapshot()[0]?.job as JobRow;
    expect(job).toMatchObject({
      state: 'aborted',
      result: 'ABORTED',
      checkpoint: { pass: 0, offset: 8 * MiB },
    });
    expect(job.figures).toMatchObject({ bytesWritten: 8 * MiB, seconds: 7 });
  });

  it('finish applies the one verdict: a hidden area the overwrite left makes ERASED_WITH_EXCEPTIONS', () => {
    const { store, writes } = fillingStore(10);
    const hpa = fakeDrive({
      capabilities: {
        ...drive.capabilities,
        hiddenAreas: { hpa: { enabled: true, currentMaxSectors: 100, nativeMaxSectors: 200 }, dco: null },
      },
    } as never);
    const guard = new GuardedJobJournal(store, [{ job: { ...row(), drive: hpa }, errors: [] }], () => {});
    guard.finish('j', outcome('ERASED'), '2026-01-01T00:00:10.000Z');
    expect(writes).toEqual(['finish ERASED_WITH_EXCEPTIONS']);
    expect(guard.get('j')?.result).toBe('ERASED_WITH_EXCEPTIONS');
  });
});
