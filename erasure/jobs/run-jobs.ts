import type { Drive } from '../../core/drive.js';
import { GommeError, UsageError } from '../../core/errors.js';
import type { EraseResult, IoErrorRange, JobEvent } from '../../core/events.js';
import { text } from '../../core/i18n.js';
import type { CommandRunner } from '../../core/run/runner.js';
import { driveVerdict, stricterResult } from '../../core/verdict.js';
import { EngineExitedError, EngineProcess, type JobHandlers } from '../engine/engine-client.js';
import type { ClaimResult } from '../engine/engine-protocol.js';
import { chunkBytesFor } from '../engine/engine-sizing.js';
import { coalesce } from '../engine/job-outcome.js';
import { DEFAULT_TUNING, type OverwriteOutcome, type OverwriteTuning } from '../engine/overwrite-job.js';
import { openBlockDevice } from '../io/block-device.js';
import type { AttemptLedger, CredentialStore } from '../purge/credentials.js';
import { restoreHiddenArea } from '../purge/hidden-area.js';
import { notErasedOutcome } from '../purge/not-erased.js';
import type { PasswordVault } from '../purge/password-vault.js';
import type { Interruption, JobJournal, JobOutcome, JobPlan } from './job-store.js';
import { closeNewJobs, type Recheck, type Refused, recheckTargets, refuseAll } from './refuse-targets.js';
import { type PurgeDetails, runPurgeJob } from './run-purge-job.js';
import { carriedBytes } from './written-bytes.js';

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
  /** Why the job could not run to an outcome (its engine process died…). */
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
  /** The storage graph read again for one drive (recheckProtection), for every target right before the claim. */
  recheck: Recheck;
  emit(event: JobEvent): void;
  signal?: AbortSignal;
  /** stallMs defaults to GOMME_STALL_TIMEOUT_MS when set, else 120 s. */
  tuning?: Partial<OverwriteTuning>;
  now?: () => number;
}

/** Environment variable for the stall timeout in ms (tests use a few seconds; the default is 120 s). */
export const STALL_TIMEOUT_ENV = 'GOMME_STALL_TIMEOUT_MS';
/** EBUSY at the claim is retried this long: an engine abandoned a moment ago may still be exiting. */
const BUSY_RETRY_MS = 3_000;

/**
 * Runs jobs side by side, each isolated: one failing or hung drive never stops the others.
 *
 * 1. Claim: the storage graph is read again for every target (protected now: mounted, stacked on, swap), then
 *    every target is opened (O_EXCL) in the engine process before anything is written to any. If one is
 *    protected, cannot be opened (in use, read-only, gone) or is not the size discovery saw, all are let go, the
 *    new jobs are closed in the journal as refused (never resumed, never recorded), and TargetsBusyError (exit 3)
 *    names each device and why: nothing was written anywhere.
 * 2. Run: overwrite jobs run in the engine process (see engine-client.ts); purge jobs here, through the runner.
 *    A drive that stops answering for the stall timeout ends its job ABORTED with a STALLED error (resumable);
 *    runJobs returns once every other job has ended and abandons the engine to the stuck drive.
 */
export async function runJobs(jobs: JobToRun[], options: RunJobsOptions): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const queueDepth = options.tuning?.queueDepth ?? DEFAULT_TUNING.queueDepth;
  const writers = jobs.filter((job) => kindOf(job) !== 'purge' && kindOf(job) !== 'destroy').length;
  const tuning = {
    ...options.tuning,
    stallMs: options.tuning?.stallMs ?? stallTimeoutFromEnv(),
    chunkBytes: options.tuning?.chunkBytes ?? chunkBytesFor(writers, queueDepth),
  };
  const engine = await EngineProcess.start({ drives: jobs.length, queueDepth });
  let stalled = false;
  try {
    // A drive to destroy is not touched. A purge only needs nobody else to hold its drive; so does an overwrite
    // whose hidden area is given back first (the engine opens it after, with the size that then includes it).
    const touched = jobs.filter((job) => kindOf(job) !== 'destroy');
    const at = () => new Date((options.now ?? Date.now)()).toISOString();
    // The graph first, then at once the exclusive opens: the window between them is the claim's own.
    const unsafe = await recheckTargets(touched, options.recheck).catch((error: unknown) => {
      // The graph could not be read (lsblk failed): nothing was written, and these jobs will not be.
      const detail = error instanceof GommeError ? error.text : null;
      closeNewJobs(jobs, options.store, at(), () => ({ code: 'recheck-failed', errno: null, detail }));
      throw error;
    });
    if (unsafe.length > 0) refuseAll(jobs, unsafe, options.store, at());
    const claims = await engine.claim(
      touched.map((job) => ({ jobId: job.jobId, path: job.drive.path, hold: kindOf(job) === 'overwrite' })),
      { stallMs: tuning.stallMs, busyRetryMs: BUSY_RETRY_MS },
    );
    const refused = [...claims.filter((c): c is Refused => !c.ok), ...resized(touched, claims)];
    if (refused.length > 0) {
      stalled = refused.some((r) => r.refusal === 'stalled');
      refuseAll(jobs, refused, options.store, at());
    }
    const onAbort = () => engine.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) engine.abort();
    try {
      const results = await Promise.all(jobs.map((job) => runOne(job, options, tuning, engine)));
      stalled = results.some((r) => r.outcome?.stalled === true);
      return results;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    await engine.close(stalled ? 'abandon' : 'release');
  }
}

/**
 * New overwrite jobs whose drive, opened by the claim, is not the size discovery saw: refused before any write
 * (the plan would erase the wrong extent). A resumed job's drive was already written: its run records the change
 * (SIZE_CHANGED, FAILED). A drive whose hidden area is given back first is opened, and sized, at its run.
 */
function resized(jobs: readonly JobToRun[], claims: readonly ClaimResult[]): Refused[] {
  return jobs.flatMap((job): Refused[] => {
    const claim = claims.find((c) => c.jobId === job.jobId);
    if (!claim?.ok || job.resumeFrom !== null || kindOf(job) !== 'overwrite') return [];
    if (claim.sizeBytes === job.drive.sizeBytes) return [];
    const sizes = `${job.drive.sizeBytes} → ${claim.sizeBytes}`;
    return [
      {
        jobId: job.jobId,
        path: job.drive.path,
        ok: false,
        refusal: 'size-changed',
        errno: null,
        detail: `size ${sizes} bytes`,
        why: text(`${sizes} octets`, `${sizes} bytes`),
      },
    ];
  });
}

type JobKind = 'destroy' | 'purge' | 'overwrite-after-hpa' | 'overwrite';

function kindOf(job: JobToRun): JobKind {
  if (job.plan.destroy) return 'destroy';
  if (job.plan.purge) return 'purge';
  return job.plan.restoreHpa ? 'overwrite-after-hpa' : 'overwrite';
}

/** GOMME_STALL_TIMEOUT_MS, else the default (120 s). */
export function stallTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[STALL_TIMEOUT_ENV];
  if (raw === undefined || raw === '') return DEFAULT_TUNING.stallMs;
  const ms = Number(raw);
  if (!Number.isSafeInteger(ms) || ms < 100) {
    throw new UsageError(
      text(
        `${STALL_TIMEOUT_ENV} doit être un nombre de millisecondes (100 au moins), pas « ${raw} ».`,
        `${STALL_TIMEOUT_ENV} must be a number of milliseconds (at least 100), not "${raw}".`,
      ),
    );
  }
  return ms;
}

async function runOne(
  job: JobToRun,
  options: RunJobsOptions,
  tuning: Partial<OverwriteTuning> & { stallMs: number },
  engine: EngineProcess,
): Promise<JobResult> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  // Errors go to the journal as they happen, so a crash cannot turn a failed job into a clean one. Not a stall:
  // it stops the job (resumable) and the resume writes again from the last point the drive confirmed, so it must
  // not fail the job that resumes; it stays in this run's result and outcome (saved with the aborted job).
  const record = (event: JobEvent) => {
    if (event.type === 'io-error' && !INTERRUPTIONS.has(event.error.code)) {
      store.addError(job.jobId, event.error, event.at);
    }
    options.emit(event);
  };
  let outcome: JobOutcome;
  try {
    const kind = kindOf(job);
    // An HPA is given back before the overwrite opens the device (its size then includes the hidden sectors).
    const preparation = job.plan.restoreHpa
      ? await restoreHiddenArea(job.drive, { runner: options.runner, now })
      : undefined;
    const ran: JobOutcome =
      kind === 'destroy'
        ? notErasedOutcome(job.drive, job.plan.destroy!, iso())
        : kind === 'purge'
          ? await runPurgeJob(
              {
                jobId: job.jobId,
                drive: job.drive,
                engine: job.plan.purge!.engine,
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
          : await runOverwrite(job, engine, tuning, store.get(job.jobId)?.outcome ?? null, {
              emit: record,
              checkpoint: (pass, offset) => store.checkpoint(job.jobId, pass, offset, iso()),
            });
    outcome = preparation ? { ...ran, preparation } : ran;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return failed(job, options, error, iso);
  }
  // Errors recorded before a crash still count after the resume; this run's stall is reported with it.
  const stall = outcome.errors.filter((e) => INTERRUPTIONS.has(e.code));
  const errors = coalesce([...store.errors(job.jobId), ...stall]);
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
}

/** Reported as errors of the run they stopped, never journaled as the job's: its resume overcomes them. */
const INTERRUPTIONS = new Set(['STALLED', 'ENGINE_EXITED']);

function runOverwrite(
  job: JobToRun,
  engine: EngineProcess,
  tuning: Partial<OverwriteTuning>,
  previous: OverwriteOutcome | null,
  handlers: JobHandlers,
): Promise<OverwriteOutcome> {
  // After an HPA was given back, the drive is opened now, and its new size is the one to erase.
  const afterHpa = kindOf(job) === 'overwrite-after-hpa';
  return engine.run(
    {
      jobId: job.jobId,
      device: job.drive.path,
      passes: job.plan.passes,
      verifySeed: job.plan.verifySeed,
      resumeFrom: job.resumeFrom,
      expectedSizeBytes: afterHpa ? null : job.drive.sizeBytes,
      carriedBytesByPass: carriedBytes(job.plan.passes.length, job.drive.sizeBytes, previous, job.resumeFrom),
    },
    tuning,
    handlers,
    { openAtRun: afterHpa },
  );
}

/**
 * The job could not reach an outcome. Its engine process died (killed from outside, out of memory): the job is
 * left resumable from its last checkpoint. Anything else (a drive that vanished before the purge, a bug) fails it.
 */
function failed(job: JobToRun, options: RunJobsOptions, error: Error, iso: () => string): JobResult {
  const { store } = options;
  const engineDied = error instanceof EngineExitedError;
  const failure: IoErrorRange = {
    operation: 'command',
    pass: null,
    offset: 0,
    length: 0,
    code: engineDied ? 'ENGINE_EXITED' : 'OPEN',
    message: error.message,
  };
  // A dead engine leaves the job "running" in the journal: resumable once this command ends (process-died).
  if (!engineDied) {
    store.addError(job.jobId, failure, iso());
    store.fail(job.jobId, iso());
  }
  options.emit({ jobId: job.jobId, device: job.drive.path, at: iso(), type: 'io-error', error: failure });
  return {
    job,
    outcome: null,
    result: engineDied ? 'ABORTED' : 'FAILED',
    errors: coalesce([...store.errors(job.jobId), ...(engineDied ? [failure] : [])]),
    failure: error.message,
    interruptions: store.get(job.jobId)?.interruptions ?? [],
  };
}
