import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { text } from '../core/i18n.js';
import { type JobRow, jobStore } from '../erasure/jobs/job-store.js';
import { type CommittedRecord, commitRecords, journaled } from './commit-records.js';
import type { JournalAccess } from './open-session.js';
import { isLive } from './start-jobs.js';

export interface JobSummary {
  job: JobRow;
  /** running (its process lives), resumable (stopped or its process died), or finished. */
  status: 'running' | 'resumable' | 'finished';
}

/** Every job of the journal, newest last, with whether it can be resumed now. */
export function listJobs(opened: JournalAccess): JobSummary[] {
  return jobStore(opened.journal)
    .list()
    .map((job) => ({
      job,
      status: job.state === 'finished' ? 'finished' : isLive(opened, job) ? 'running' : 'resumable',
    }));
}

/**
 * `gomme erase --forget JOB`: closes an unfinished job for good (typically its drive is gone). The journal
 * keeps it, and its record says ABORTED with what reached the drive; it never blocks a resume again.
 */
export function forgetJob(opened: JournalAccess, jobId: string): CommittedRecord[] {
  const job = jobStore(opened.journal).get(jobId);
  if (!job)
    throw new GommeError(
      'no-job',
      text(`Aucun travail ${jobId} dans le journal.`, `No job ${jobId} in the journal.`),
      {
        exitCode: ExitCode.NOT_FOUND,
        hint: text('« gomme erase --jobs » liste les travaux.', '"gomme erase --jobs" lists the jobs.'),
      },
    );
  if (job.state === 'finished')
    throw new GommeError(
      'job-finished',
      text(`Le travail ${jobId} est déjà terminé.`, `Job ${jobId} has already finished.`),
      { exitCode: ExitCode.USAGE },
    );
  if (isLive(opened, job))
    throw new GommeError(
      'job-running',
      text(
        `Le travail ${jobId} tourne encore (processus ${job.owner?.pid}).`,
        `Job ${jobId} is still running (process ${job.owner?.pid}).`,
      ),
      { exitCode: ExitCode.REFUSED, hint: text('Arrêtez-le d’abord (Ctrl-C).', 'Stop it first (Ctrl-C).') },
    );
  jobStore(opened.journal).discard(
    jobId,
    'forgotten by the operator (gomme erase --forget)',
    opened.now().toISOString(),
  );
  return commitRecords(opened.journal, journaled(opened.journal, [jobId]), opened.now());
}
