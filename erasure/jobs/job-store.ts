import type { EraseResult, IoErrorRange } from '../../core/events.js';
import type { Interruption, JobRefusal, JobsStore, Journal, StoredJob } from '../../core/journal/index.js';
import type { OverwriteOutcome } from '../engine/overwrite-job.js';
import type { PlannedPass } from '../plan/resolve-passes.js';
import type { PurgeEngineId } from '../purge/engine.js';
import type { HiddenAreaOutcome } from '../purge/hidden-area.js';
import type { NotErased } from '../purge/not-erased.js';
import type { PurgeDetails } from './run-purge-job.js';

export type { Interruption, JobRefusal } from '../../core/journal/index.js';

/** What a job needs to run, resume and re-verify: stored whole so nothing depends on the process that started it. */
export interface JobPlan {
  /** Set when the drive's own sanitize command does the work (the passes are then empty). */
  purge?: { engine: PurgeEngineId; technique: string };
  /** Set when nothing can erase the drive: the job writes nothing and its record says "to be destroyed". */
  destroy?: { code: string; reason: { fr: string; en: string } };
  /** Restore the native max address (remove an HPA) before the overwrite. */
  restoreHpa?: boolean;
  methodId: string;
  methodLabel: string;
  nistLevel: 'clear' | 'purge';
  verify: string;
  passes: PlannedPass[];
  verifySeed: string;
}

/** What an engine hands back for a job: an overwrite's outcome, with the firmware details of a purge. */
export type JobOutcome = OverwriteOutcome & {
  purge?: PurgeDetails;
  notErased?: NotErased;
  /** What was found and done about hidden areas before the overwrite. */
  preparation?: HiddenAreaOutcome;
};

export type JobRow = StoredJob<JobPlan, JobOutcome>;
export type JobStore = JobsStore<JobPlan, JobOutcome>;

/** The journal's jobs, typed with the engine's plan and outcome (stored as JSON, read back as written). */
export function jobStore(journal: Journal): JobStore {
  return journal.jobs as unknown as JobStore;
}

/**
 * What running jobs write to the journal. The session gives runJobs a guarded implementation: a journal that
 * fails mid-erasure stops the jobs cleanly instead of crashing them.
 */
export interface JobJournal {
  checkpoint(jobId: string, pass: number, offset: number, at: string): void;
  addError(jobId: string, error: IoErrorRange, at: string): void;
  errors(jobId: string): IoErrorRange[];
  finish(jobId: string, outcome: JobOutcome & { result: EraseResult }, endedAt: string): void;
  fail(jobId: string, endedAt: string): void;
  /** New jobs whose command was refused before any write, together: never resumed, never recorded. */
  refuse(jobs: ReadonlyArray<{ jobId: string; refusal: JobRefusal }>, at: string): void;
  /** `outcome`: the last run's, when one was saved (a stopped or stalled run): a resume counts on from it. */
  get(jobId: string): { interruptions: Interruption[]; outcome?: JobOutcome | null } | null;
}
