import { GommeError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { text } from '../core/i18n.js';
import type { JobRefusal, Journal } from '../core/journal/index.js';
import { type JobRow, jobStore } from '../erasure/jobs/job-store.js';
import { type CommittedRecord, commitRecords, journaled } from './commit-records.js';
import type { SessionFacts } from './facts.js';
import type { JournalAccess } from './open-session.js';
import { isLive } from './start-jobs.js';

export interface JobSummary {
  job: JobRow;
  /**
   * running (its process lives), resumable (stopped or its process died), finished, or refused (its command was
   * refused before anything was written: nothing to resume, no record).
   */
  status: 'running' | 'resumable' | 'finished' | 'refused';
}

/** Every job of the journal, newest last, with whether it can be resumed now. */
export function listJobs(opened: JournalAccess): JobSummary[] {
  return jobStore(opened.journal)
    .list()
    .map((job) => ({ job, status: statusOf(opened, job) }));
}

function statusOf(opened: JournalAccess, job: JobRow): JobSummary['status'] {
  if (job.state === 'finished' || job.state === 'refused') return job.state;
  return isLive(opened, job) ? 'running' : 'resumable';
}

/** An erasure refused before any write, as `gomme history` shows it beside the records. */
export interface RefusedAttempt {
  job: JobRow;
  /** The facts of its batch (lot, donor, machine); null for a batch that kept none. */
  facts: SessionFacts | null;
  refusal: JobRefusal;
}

/**
 * Jobs refused before any write, oldest first, with the records' filters: lot, and the day they were refused
 * (inclusive; a bare day as upper bound means the end of that day).
 */
export function refusedAttempts(
  journal: Journal,
  filter: { lot?: string | undefined; from?: string | undefined; to?: string | undefined } = {},
): RefusedAttempt[] {
  const to = filter.to && /^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? `${filter.to}T\uffff` : filter.to;
  return jobStore(journal)
    .list()
    .flatMap((job): RefusedAttempt[] => {
      if (job.state !== 'refused' || !job.refusal) return [];
      const at = job.endedAt ?? job.startedAt;
      if ((filter.from && at < filter.from) || (to && at > to)) return [];
      const facts = journal.batches.facts(job.batchId) as SessionFacts | null;
      if (filter.lot !== undefined && facts?.lot !== filter.lot) return [];
      return [{ job, facts, refusal: job.refusal }];
    });
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
  if (job.state === 'finished' || job.state === 'refused')
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
