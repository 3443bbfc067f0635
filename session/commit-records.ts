import { RecordInvalidError } from '../certificates/errors.js';
import { commitRecord } from '../certificates/journal-store.js';
import { buildErasureRecord } from '../certificates/record/build-record.js';
import type { Journal } from '../core/journal/index.js';
import { jobStore } from '../erasure/jobs/job-store.js';
import type { SessionFacts } from './facts.js';
import { type JournaledJob, recordInputFor } from './record-input.js';

export interface CommittedRecord {
  recordId: string;
  sha256: string;
  batchId: string;
  /** Which job is which drive of the record: its certificate is `<recordId>-D<index>`. */
  drives: Array<{ jobId: string; index: number }>;
}

/** The journal's view of jobs (row and errors), in creation order. */
export function journaled(journal: Journal, jobIds: readonly string[]): JournaledJob[] {
  const store = jobStore(journal);
  return jobIds.flatMap((jobId) => {
    const job = store.get(jobId);
    return job ? [{ job, errors: store.errors(jobId) }] : [];
  });
}

/**
 * One record per batch for the jobs that ended, committed with the links from each job to it in one
 * transaction. Jobs still resumable (ABORTED by the operator or a fault) wait for their own end.
 */
export function commitRecords(journal: Journal, jobs: readonly JournaledJob[], now: Date): CommittedRecord[] {
  const ended = jobs.filter((j) => j.job.state === 'finished' && j.job.recordId === null);
  const batches = new Map<string, JournaledJob[]>();
  for (const j of ended) batches.set(j.job.batchId, [...(batches.get(j.job.batchId) ?? []), j]);
  const committed: CommittedRecord[] = [];
  for (const [batchId, group] of batches) {
    const facts = journal.batches.facts(batchId) as SessionFacts | null;
    // Jobs started before batches kept their facts were certified by the code of their time.
    if (!facts) continue;
    const record = buildErasureRecord(recordInputFor(group, facts, now.toISOString()));
    const jobIds = group.map((j) => j.job.jobId);
    const commit = journal.transaction(() => {
      const c = commitRecord(journal, record, now);
      jobStore(journal).markRecorded(jobIds, c.recordId);
      return c;
    });
    committed.push({
      recordId: commit.recordId,
      sha256: commit.sha256,
      batchId,
      drives: jobIds.map((jobId, i) => ({ jobId, index: i + 1 })),
    });
  }
  return committed;
}

/** Records a crash left uncommitted (jobs finished, record not yet written): committed at the next start. */
export function commitUnrecorded(
  journal: Journal,
  now: Date,
): { recordIds: string[]; invalid: RecordInvalidError | null } {
  const store = jobStore(journal);
  const jobs = store.unrecorded().map((job) => ({ job, errors: store.errors(job.jobId) }));
  try {
    return { recordIds: commitRecords(journal, jobs, now).map((c) => c.recordId), invalid: null };
  } catch (error) {
    // A record that cannot be built is a bug to report, not a reason to refuse every later erasure.
    if (error instanceof RecordInvalidError) return { recordIds: [], invalid: error };
    throw error;
  }
}
