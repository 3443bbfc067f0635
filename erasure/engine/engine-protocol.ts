/**
 * Messages between a gomme command (the parent: journal, display) and its engine process (the child: every
 * open, read, write, fdatasync and close of the drives). Plain JSON over the IPC channel of child_process.fork.
 */
import type { JobEvent } from '../../core/events.js';
import type { ClaimRefusal } from '../io/errors.js';

export type { ClaimRefusal } from '../io/errors.js';

import type { OverwriteJobSpec, OverwriteOutcome, OverwriteTuning } from './overwrite-job.js';

export interface ClaimTarget {
  /** The job the device belongs to. */
  jobId: string;
  path: string;
  /**
   * true: open for writing with O_DIRECT and O_EXCL and keep it for the job. false: only check that nobody holds
   * it (an O_EXCL open, closed at once), for jobs that do not write through gomme (firmware purge).
   */
  hold: boolean;
}

export type ClaimResult =
  | { jobId: string; path: string; ok: true; sizeBytes: number }
  | { jobId: string; path: string; ok: false; refusal: ClaimRefusal; errno: string | null; detail: string };

export type ToEngine =
  | { type: 'claim'; targets: ClaimTarget[]; stallMs: number; busyRetryMs: number }
  /** `openAtRun`: the device was only checked at the claim (its hidden area is given back first): open it now. */
  | { type: 'run'; spec: OverwriteJobSpec; tuning: Partial<OverwriteTuning>; openAtRun: boolean }
  /** Every job stops at its next checkpoint (Ctrl-C): ABORTED, resumable. */
  | { type: 'abort' }
  /** Close what is still held and exit. */
  | { type: 'release' };

export type FromEngine =
  /** Sent once the engine listens: messages sent before could be lost. */
  | { type: 'ready'; pid: number }
  | { type: 'claimed'; results: ClaimResult[] }
  | { type: 'event'; event: JobEvent }
  /** The data before (pass, offset) is on the drive (fdatasync returned): the parent may persist it. */
  | { type: 'checkpoint'; jobId: string; pass: number; offset: number }
  | { type: 'finished'; jobId: string; outcome: OverwriteOutcome }
  /** The job threw something that is not a drive failure (a bug): the parent reports it. */
  | { type: 'crashed'; jobId: string; message: string }
  | { type: 'released' };
