import { randomUUID } from 'node:crypto';
import type { Drive } from '../core/drive.js';
import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { text } from '../core/i18n.js';
import { type JobRow, jobStore } from '../erasure/jobs/job-store.js';
import { driveKey } from '../erasure/jobs/match-drive.js';
import type { JobToRun } from '../erasure/jobs/run-jobs.js';
import type { ErasePlan } from '../erasure/plan/build-plan.js';
import type { SessionFacts } from './facts.js';
import type { JournalAccess } from './open-session.js';
import { currentOwner, ownerAlive } from './owner.js';

/** Jobs ready to run, and the facts of each batch they belong to (kept in memory for an emergency copy). */
export interface StartedRun {
  jobs: JobToRun[];
  facts: Map<string, SessionFacts>;
}

/** A drive that already has an unfinished job: a second one is refused, before anything is written. */
export class DriveHasJobError extends GommeError {
  constructor(drive: Drive, job: JobRow, alive: boolean) {
    super(
      'drive-has-job',
      alive
        ? text(
            `${drive.path} est déjà en cours d’effacement (travail ${job.jobId}, processus ${job.owner?.pid}).`,
            `${drive.path} is already being erased (job ${job.jobId}, process ${job.owner?.pid}).`,
          )
        : text(
            `${drive.path} a un effacement interrompu (travail ${job.jobId}) : rien n’a été écrit.`,
            `${drive.path} has an interrupted erasure (job ${job.jobId}): nothing was written.`,
          ),
      {
        exitCode: ExitCode.REFUSED,
        hint: alive
          ? text('Attendez sa fin (gomme erase --jobs).', 'Wait for it to end (gomme erase --jobs).')
          : text(
              `Reprenez-le (gomme erase --resume) ou abandonnez-le (gomme erase --forget ${job.jobId}).`,
              `Resume it (gomme erase --resume) or discard it (gomme erase --forget ${job.jobId}).`,
            ),
      },
    );
  }
}

/** At most one unfinished job per drive identity: refuses the whole command if any target already has one. */
export function refuseDrivesWithJobs(opened: JournalAccess, drives: readonly Drive[]): void {
  const unfinished = jobStore(opened.journal).unfinished();
  for (const drive of drives) {
    const job = unfinished.findLast((j) => driveKey(j.drive) === driveKey(drive));
    if (job) throw new DriveHasJobError(drive, job, isLive(opened, job));
  }
}

export function isLive(opened: JournalAccess, job: JobRow): boolean {
  return (
    job.state === 'running' &&
    ownerAlive(job.owner, job.interruptions.at(-1)?.detectedAt ?? job.startedAt, opened.readProc)
  );
}

/**
 * The record skeleton: one batch with its facts and one job per plan, committed together before the first
 * byte is written. From here on the journal says, at every instant, what reached each drive.
 */
export function startJobs(
  opened: JournalAccess,
  plans: readonly ErasePlan[],
  facts: SessionFacts,
): StartedRun {
  const batchId = randomUUID();
  const startedAt = opened.now().toISOString();
  const owner = currentOwner(opened.readProc);
  const jobs: JobToRun[] = plans.map((plan) => ({
    jobId: randomUUID(),
    drive: plan.drive,
    plan: plan.job,
    resumeFrom: null,
    startedAt,
  }));
  opened.journal.transaction(() => {
    opened.journal.batches.create(batchId, facts, startedAt);
    for (const job of jobs)
      jobStore(opened.journal).create({
        jobId: job.jobId,
        batchId,
        drive: job.drive,
        plan: job.plan,
        startedAt,
        owner,
      });
  });
  return { jobs, facts: new Map([[batchId, facts]]) };
}
