import type { Drive } from '../../core/drive.js';
import type { EraseResult, IoErrorRange, JobEvent } from '../../core/events.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { driveVerdict, stricterResult } from '../../core/verdict.js';
import { type OverwriteOutcome, type OverwriteTuning, runOverwriteJob } from '../engine/overwrite-job.js';
import { openBlockDevice } from '../io/block-device.js';
import type { AttemptLedger, CredentialStore } from '../purge/credentials.js';
import { restoreHiddenArea } from '../purge/hidden-area.js';
import { notErasedOutcome } from '../purge/not-erased.js';
import type { PasswordVault } from '../purge/password-vault.js';
import type { Interruption, JobJournal, JobPlan } from './job-store.js';
import { type PurgeDetails, runPurgeJob } from './run-purge-job.js';

export interface JobToRun {
  jobId: string;
  drive: Drive;
  plan: JobPlan;
  resumeFrom: { pass: number; offset: number } | null;
  /** When the job first started (before any interruption). */
  startedAt: string;
}

export interface JobResult {
  job: JobToRun;
  outcome: (OverwriteOutcome & { purge?: PurgeDetails }) | null;
  result: EraseResult;
  /** Every error of the job, including those recorded before an interruption. */
  errors: IoErrorRange[];
  /** Why the job could not start (device busy, vanished…). */
  failure: string | null;
  /** Each time the job was stopped or its process died, and taken up again. */
  interruptions: Interruption[];
}

export interface RunJobsOptions {
  store: JobJournal;
  /** Where ATA Security Erase keeps its temporary password (the journal's, so it survives a crash). */
  vault: PasswordVault;
  /** Passwords/PSIDs typed by the technician, and the durable count of password tries (locked drives). */
  credentials?: CredentialStore;
  ledger?: AttemptLedger;
  /** Runs the firmware commands of purge jobs. */
  runner: CommandRunner;
  emit(event: JobEvent): void;
  signal?: AbortSignal;
  tuning?: Partial<OverwriteTuning>;
  now?: () => number;
}

/** Runs jobs side by side, each isolated: one failing or hung drive never stops the others. */
export function runJobs(jobs: JobToRun[], options: RunJobsOptions): Promise<JobResult[]> {
  return Promise.all(jobs.map((job) => runOne(job, options)));
}

async function runOne(job: JobToRun, options: RunJobsOptions): Promise<JobResult> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  try {
    const record = (event: JobEvent) => {
      if (event.type === 'io-error') store.addError(job.jobId, event.error, event.at);
      options.emit(event);
    };
    // An HPA is given back before the overwrite opens the device (its size then includes the hidden sectors).
    const preparation = job.plan.restoreHpa
      ? await restoreHiddenArea(job.drive, { runner: options.runner, now })
      : undefined;
    const ran = job.plan.destroy
      ? notErasedOutcome(job.drive, job.plan.destroy, iso())
      : job.plan.purge
        ? await runPurgeJob(
            {
              jobId: job.jobId,
              drive: job.drive,
              engine: job.plan.purge.engine,
              verifySeed: job.plan.verifySeed,
            },
            {
              runner: options.runner,
              // Firmware commands need the device free: samples are read through a shared, direct handle.
              openDevice: (path) => openBlockDevice(path, { write: false, exclusive: false }),
              emit: record,
              vault: options.vault,
              ...(options.credentials ? { credentials: options.credentials } : {}),
              ...(options.ledger ? { ledger: options.ledger } : {}),
              signal: options.signal,
              now,
            },
          )
        : await runOverwriteJob(
            {
              jobId: job.jobId,
              device: job.drive.path,
              passes: job.plan.passes,
              verifySeed: job.plan.verifySeed,
              resumeFrom: job.resumeFrom,
            },
            {
              openDevice: (path) => openBlockDevice(path, { write: true }),
              emit: record,
              checkpoint: (pass, offset) => store.checkpoint(job.jobId, pass, offset, iso()),
              signal: options.signal,
              tuning: options.tuning,
              now,
            },
          );
    const outcome = preparation ? { ...ran, preparation } : ran;
    const errors = store.errors(job.jobId);
    // Errors recorded before a crash still count after the resume.
    const result: EraseResult = stricterResult(
      outcome.result,
      driveVerdict({
        stopped: outcome.result === 'ABORTED',
        errorCount: errors.length,
        verificationPassed: null,
      }),
    );
    const final = { ...outcome, result };
    store.finish(job.jobId, final, iso());
    return {
      job,
      outcome: final,
      result,
      errors,
      failure: null,
      interruptions: store.get(job.jobId)?.interruptions ?? [],
    };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const failure: IoErrorRange = {
      operation: 'command',
      pass: null,
      offset: 0,
      length: 0,
      code: 'OPEN',
      message: error.message,
    };
    store.addError(job.jobId, failure, iso());
    store.fail(job.jobId, iso());
    options.emit({ jobId: job.jobId, device: job.drive.path, at: iso(), type: 'io-error', error: failure });
    const errors = store.errors(job.jobId);
    const interruptions = store.get(job.jobId)?.interruptions ?? [];
    return { job, outcome: null, result: 'FAILED', errors, failure: error.message, interruptions };
  }
}
