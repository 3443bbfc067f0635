import { recheckProtection } from '../core/detect/recheck.js';
import type { JobEvent } from '../core/events.js';
import { type JobFigures, JournalError } from '../core/journal/index.js';
import type { System } from '../core/run/system.js';
import type { OverwriteTuning } from '../erasure/engine/overwrite-job.js';
import { jobStore } from '../erasure/jobs/job-store.js';
import { type JobResult, runJobs } from '../erasure/jobs/run-jobs.js';
import type { CredentialStore } from '../erasure/purge/credentials.js';
import { type CommittedRecord, commitRecords, journaled } from './commit-records.js';
import { type EmergencyCopy, writeEmergencyCopy } from './emergency.js';
import { GuardedJobJournal } from './guarded-journal.js';
import type { JournalAccess } from './open-session.js';
import type { StartedRun } from './start-jobs.js';

export interface RunIo {
  /** Runs the firmware commands of purge jobs, and reads the storage graph again right before the claim. */
  system: System;
  emit(event: JobEvent): void;
  /** Stops every job at its next checkpoint (resumable). */
  signal?: AbortSignal | undefined;
  tuning?: Partial<OverwriteTuning>;
  /** Passwords/PSIDs the technician typed for locked drives (the guide's credential service fills it). */
  credentials?: CredentialStore;
}

/** One drive's outcome as the session reports it: the engine's, the final verdict, and the journal's figures. */
export interface DriveOutcome extends JobResult {
  /** The record holding this drive (null while it is resumable, or when the journal failed). */
  recordId: string | null;
  /** Across every resume (bytes known to be on the drive, active seconds). */
  figures: JobFigures;
  /** The last point known to be on the drive. */
  checkpoint: { pass: number; offset: number };
}

export interface SessionOutcome {
  drives: DriveOutcome[];
  records: CommittedRecord[];
  /** The journal failed during or after the erasure: every job was stopped and `emergency` says what reached each drive. */
  fault: JournalError | null;
  emergency: EmergencyCopy | null;
}

/**
 * Runs started jobs side by side, then commits one record per batch for the jobs that ended. The journal is
 * written through a guard: its first failure stops every job cleanly, and the records go to an emergency copy.
 */
export async function runStarted(access: JournalAccess, run: StartedRun, io: RunIo): Promise<SessionOutcome> {
  const { journal } = access;
  const ids = run.jobs.map((j) => j.jobId);
  const stopForFault = new AbortController();
  const guard = new GuardedJobJournal(jobStore(journal), journaled(journal, ids), () => stopForFault.abort());
  const signal = io.signal ? AbortSignal.any([io.signal, stopForFault.signal]) : stopForFault.signal;
  const results = await runJobs(run.jobs, {
    store: guard,
    vault: guard.vault(journal.passwords),
    // The journal counts password tries per drive: no run, crash or resume can exceed a drive's limit.
    ledger: journal.passwords,
    ...(io.credentials ? { credentials: io.credentials } : {}),
    runner: io.system.runner,
    recheck: (drive) => recheckProtection(io.system, drive),
    emit: io.emit,
    signal,
    tuning: io.tuning ?? {},
  });
  let fault = guard.fault;
  let records: CommittedRecord[] = [];
  if (!fault) {
    try {
      records = commitRecords(journal, journaled(journal, ids), access.now());
    } catch (error) {
      if (!(error instanceof JournalError)) throw error;
      fault = error;
    }
  }
  const jobs = guard.snapshot();
  const emergency = fault ? writeEmergencyCopy(jobs, run.facts, fault, journal.dataDir, access.now()) : null;
  const recordOf = new Map(records.flatMap((r) => r.drives.map((d) => [d.jobId, r.recordId] as const)));
  const drives = results.map((r): DriveOutcome => {
    const job = jobs.find((j) => j.job.jobId === r.job.jobId)?.job;
    return {
      ...r,
      result: job?.result && job.state !== 'running' ? job.result : r.result,
      recordId: recordOf.get(r.job.jobId) ?? null,
      figures: job?.figures ?? {
        bytesWritten: r.outcome?.bytesWritten ?? 0,
        passBytes: [],
        seconds: r.outcome?.seconds ?? 0,
      },
      checkpoint: job?.checkpoint ?? { pass: 0, offset: 0 },
    };
  });
  return { drives, records, fault, emergency };
}
