import { randomUUID } from 'node:crypto';
import type { Drive } from '../core/drive.js';
import { GommeError, ProtectedDeviceError } from '../core/errors.js';
import { ExitCode } from '../core/exit-codes.js';
import { type Text, text } from '../core/i18n.js';
import { type JobRow, jobStore } from '../erasure/jobs/job-store.js';
import { driveKey, matchDrive } from '../erasure/jobs/match-drive.js';
import type { JobToRun } from '../erasure/jobs/run-jobs.js';
import { type CommittedRecord, commitRecords, journaled } from './commit-records.js';
import type { SessionFacts } from './facts.js';
import type { JournalAccess } from './open-session.js';
import { currentOwner } from './owner.js';
import { isLive, type StartedRun } from './start-jobs.js';

/** What `--resume` would do with each unfinished job, decided before anything is written. */
export interface ResumePlan {
  /** The newest unfinished job of each drive that is here, whose process is gone. */
  resume: Array<{ job: JobRow; drive: Drive }>;
  /** Older unfinished jobs of a drive that has a newer one: closed, never run alongside it. */
  superseded: Array<{ job: JobRow; by: string }>;
  /** Jobs whose drive is not here now: listed, never in the way of the others (gomme erase --forget). */
  missing: JobRow[];
  /** Jobs another living gomme process is running. */
  live: JobRow[];
}

/** Pure: one job per drive identity, the newest; a drive with a live job is left entirely to its process. */
export function planResume(
  unfinished: readonly JobRow[],
  present: readonly Drive[],
  alive: (job: JobRow) => boolean,
): ResumePlan {
  const plan: ResumePlan = { resume: [], superseded: [], missing: [], live: [] };
  const byDrive = new Map<string, JobRow[]>();
  for (const job of unfinished)
    byDrive.set(driveKey(job.drive), [...(byDrive.get(driveKey(job.drive)) ?? []), job]);
  for (const jobs of byDrive.values()) {
    const live = jobs.filter(alive);
    if (live.length > 0) {
      plan.live.push(...live);
      continue;
    }
    // Creation order: the last one is the newest.
    const newest = jobs[jobs.length - 1] as JobRow;
    for (const older of jobs.slice(0, -1)) plan.superseded.push({ job: older, by: newest.jobId });
    const drive = matchDrive(newest.drive, present);
    if (drive) plan.resume.push({ job: newest, drive });
    else plan.missing.push(newest);
  }
  return plan;
}

export function resumePlanFor(opened: JournalAccess, present: readonly Drive[]): ResumePlan {
  return planResume(jobStore(opened.journal).unfinished(), present, (job) => isLive(opened, job));
}

/**
 * Applies a resume plan: superseded jobs are closed (their ABORTED record committed), then each job is claimed
 * by this process with its interruption noted. A protected drive refuses the whole command before any write.
 * Batches from before schema 4 get `legacyFacts` (their facts were never stored).
 */
export function claimJobs(
  opened: JournalAccess,
  plan: ResumePlan,
  legacyFacts: () => SessionFacts,
): { run: StartedRun; superseded: CommittedRecord[] } {
  for (const { drive } of plan.resume)
    if (drive.protected) throw new ProtectedDeviceError(drive.path, drive.protections);
  const store = jobStore(opened.journal);
  const at = opened.now().toISOString();
  for (const { job, by } of plan.superseded) store.discard(job.jobId, `superseded by job ${by}`, at);
  const superseded = commitRecords(
    opened.journal,
    journaled(
      opened.journal,
      plan.superseded.map((s) => s.job.jobId),
    ),
    opened.now(),
  );
  const owner = currentOwner(opened.readProc);
  const facts = new Map<string, SessionFacts>();
  const renamed = new Map<string, string>();
  const jobs = opened.journal.transaction(() =>
    plan.resume.map(({ job, drive }): JobToRun => {
      let batchId = renamed.get(job.batchId) ?? job.batchId;
      let batchFacts = facts.get(batchId) ?? (opened.journal.batches.facts(batchId) as SessionFacts | null);
      if (!batchFacts) {
        // A new batch: the old one's finished jobs were certified by the code of their time, never twice.
        batchId = randomUUID();
        renamed.set(job.batchId, batchId);
        batchFacts = legacyFacts();
        opened.journal.batches.create(batchId, batchFacts, at);
      }
      facts.set(batchId, batchFacts);
      store.claim(
        job.jobId,
        owner,
        {
          detectedAt: at,
          pass: job.checkpoint.pass,
          offset: job.checkpoint.offset,
          reason: job.state === 'aborted' ? 'operator-stopped' : 'process-died',
        },
        at,
        batchId,
      );
      return {
        jobId: job.jobId,
        drive,
        plan: job.plan,
        resumeFrom: job.checkpoint,
        startedAt: job.startedAt,
      };
    }),
  );
  return { run: { jobs, facts }, superseded };
}

/** Every job to resume has its drive missing: nothing to do, and the operator learns how to clear them. */
export class ResumeDrivesMissingError extends GommeError {
  constructor(missing: readonly JobRow[]) {
    const list = missing.map(describeJob).join(', ');
    super(
      'resume-drives-missing',
      text(`Disque absent pour : ${list}.`, `Drive not connected for: ${list}.`),
      {
        exitCode: ExitCode.NOT_FOUND,
        hint: text(
          `Rebranchez-le, ou abandonnez le travail : gomme erase --forget ${missing[0]?.jobId ?? 'JOB'}`,
          `Connect it again, or discard the job: gomme erase --forget ${missing[0]?.jobId ?? 'JOB'}`,
        ),
      },
    );
  }
}

/** Said when other jobs are resumed: a job whose drive is gone waits, and never blocks them. */
export function missingNotice(job: JobRow): Text {
  return text(
    `Travail ${describeJob(job)} non repris : disque absent (gomme erase --forget ${job.jobId} pour l’abandonner).`,
    `Job ${describeJob(job)} not resumed: drive not connected (gomme erase --forget ${job.jobId} to discard it).`,
  );
}

function describeJob(job: JobRow): string {
  const id = job.drive.serial ?? job.drive.backingFile ?? job.drive.path;
  return `${job.jobId} (${job.drive.path}, ${id})`;
}
