import type { Drive } from '../drive.js';
import type { EraseResult, IoErrorRange } from '../events.js';
import type { JournalDb } from './db.js';
import { addPassBytes, closeSegment } from './job-figures.js';
import { type RawJob, toJob } from './job-row.js';

export interface Interruption {
  detectedAt: string;
  pass: number;
  offset: number;
  reason: 'process-died' | 'operator-stopped';
}

/** The process running a job: its PID and, since schema 4, "<boot id>:<start ticks>" (a PID can be reused). */
export interface JobOwner {
  pid: number;
  start: string | null;
}

export interface JobFigures {
  /** Bytes known to have reached the drive (flushed before a checkpoint), across every resume. */
  bytesWritten: number;
  /** The same, per pass (index 0 = pass 1). */
  passBytes: number[];
  /** Active seconds of the segments already closed (a finished job: all of them). */
  seconds: number;
}

/** refused: closed before anything was written to any drive of its command; never resumed, never recorded. */
export type JobState = 'running' | 'aborted' | 'finished' | 'refused';

/** Why a job was refused before its first write. */
export interface JobRefusal {
  /**
   * The claim's reason for this drive (busy, protected, gone, read-only, stalled, size-changed…), `other-target`
   * when another drive of the same command was refused, `recheck-failed` when the storage graph could not be read.
   */
  code: string;
  errno: string | null;
  /** What was found, in both languages ("/dev/loop4 is mounted at /mnt"); null when the code says it all. */
  detail: { fr: string; en: string } | null;
}

/** One erasure job as the journal holds it. The plan and the outcome are the engine's, stored whole. */
export interface StoredJob<Plan = unknown, Outcome = unknown> {
  jobId: string;
  batchId: string;
  device: string;
  drive: Drive;
  plan: Plan;
  state: JobState;
  checkpoint: { pass: number; offset: number };
  checkpointedAt: string | null;
  owner: JobOwner | null;
  startedAt: string;
  endedAt: string | null;
  /** Start of the running segment (null once the job stopped or finished). */
  segmentStartedAt: string | null;
  result: EraseResult | null;
  outcome: Outcome | null;
  interruptions: Interruption[];
  figures: JobFigures;
  /** The committed record that holds this job's result. */
  recordId: string | null;
  discarded: { at: string; reason: string } | null;
  refusal: JobRefusal | null;
}

/** Jobs, checkpoints and errors, committed as they happen so a crash never hides what reached a drive. */
export class JobsStore<Plan extends { methodId: string } = { methodId: string }, Outcome = unknown> {
  constructor(private readonly db: JournalDb) {}

  create(job: {
    jobId: string;
    batchId: string;
    drive: Drive;
    plan: Plan;
    startedAt: string;
    owner: JobOwner;
  }) {
    this.db.write('job-created', () =>
      this.db.run(
        `INSERT INTO erase_jobs (job_id, batch_id, device, drive_json, method, plan_json, state, pid, owner_start,
           started_at, segment_started_at)
         VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)`,
        job.jobId,
        job.batchId,
        job.drive.path,
        JSON.stringify(job.drive),
        job.plan.methodId,
        JSON.stringify(job.plan),
        job.owner.pid,
        job.owner.start,
        job.startedAt,
        job.startedAt,
      ),
    );
  }

  /** The resume point, and the bytes written since the previous one (they were flushed before this call). */
  checkpoint(jobId: string, pass: number, offset: number, at: string): void {
    this.db.write('checkpoint', () => {
      const row = this.raw(jobId);
      const passBytes = addPassBytes(
        JSON.parse(row.pass_bytes_json) as number[],
        { pass: row.checkpoint_pass, offset: row.checkpoint_offset },
        { pass, offset },
        (JSON.parse(row.drive_json) as Drive).sizeBytes,
      );
      this.db.run(
        `UPDATE erase_jobs SET checkpoint_pass = ?, checkpoint_offset = ?, checkpointed_at = ?, pass_bytes_json = ?,
           bytes_written = ? WHERE job_id = ?`,
        pass,
        offset,
        at,
        JSON.stringify(passBytes),
        passBytes.reduce((a, b) => a + b, 0),
        jobId,
      );
    });
  }

  addError(jobId: string, error: IoErrorRange, at: string): void {
    this.db.write('error-added', () =>
      this.db.run(
        `INSERT INTO erase_job_errors (job_id, seq, operation, pass, offset, length, code, message, at)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM erase_job_errors WHERE job_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
        jobId,
        jobId,
        error.operation,
        error.pass,
        error.offset,
        error.length,
        error.code,
        error.message,
        at,
      ),
    );
  }

  errors(jobId: string): IoErrorRange[] {
    return this.db.all<IoErrorRange>(
      'SELECT operation, pass, offset, length, code, message FROM erase_job_errors WHERE job_id = ? ORDER BY seq',
      jobId,
    );
  }

  /**
   * Takes a job up again in this process, noting the interruption; the dead segment's time is kept. `batchId`
   * moves a job of a batch without stored facts (schema < 4) into a new one.
   */
  claim(jobId: string, owner: JobOwner, interruption: Interruption, at: string, batchId?: string): void {
    this.db.write('job-claimed', () => {
      const row = this.raw(jobId);
      const interruptions = [...(JSON.parse(row.interruptions_json) as Interruption[]), interruption];
      this.db.run(
        `UPDATE erase_jobs SET state = 'running', pid = ?, owner_start = ?, interruptions_json = ?,
           prior_seconds = ?, segment_started_at = ?, batch_id = ? WHERE job_id = ?`,
        owner.pid,
        owner.start,
        JSON.stringify(interruptions),
        closeSegment(
          row.prior_seconds,
          row.segment_started_at,
          row.checkpointed_at ?? row.segment_started_at,
        ),
        at,
        batchId ?? row.batch_id,
        jobId,
      );
    });
  }

  finish(jobId: string, outcome: Outcome & { result: EraseResult }, endedAt: string): void {
    this.db.write('job-finished', () => {
      const row = this.raw(jobId);
      this.db.run(
        `UPDATE erase_jobs SET state = ?, result = ?, outcome_json = ?, ended_at = ?, prior_seconds = ?,
           segment_started_at = NULL WHERE job_id = ?`,
        outcome.result === 'ABORTED' ? 'aborted' : 'finished',
        outcome.result,
        JSON.stringify(outcome),
        endedAt,
        closeSegment(row.prior_seconds, row.segment_started_at, endedAt),
        jobId,
      );
    });
  }

  /**
   * A job that could not reach an outcome once its command was under way (its drive vanished before the purge, a
   * bug): finished, FAILED, never resumable. A job refused before any write is `refuse`d instead.
   */
  fail(jobId: string, endedAt: string): void {
    this.db.write('job-failed', () => {
      const row = this.raw(jobId);
      this.db.run(
        `UPDATE erase_jobs SET state = 'finished', result = 'FAILED', ended_at = ?, prior_seconds = ?,
           segment_started_at = NULL WHERE job_id = ?`,
        endedAt,
        closeSegment(row.prior_seconds, row.segment_started_at, endedAt),
        jobId,
      );
    });
  }

  /**
   * New jobs whose command was refused before anything was written to any drive: closed for good, each with why,
   * all in one transaction (a crash cannot leave one of them resumable). Never resumable, and no record: nothing
   * happened to the drives.
   */
  refuse(jobs: ReadonlyArray<{ jobId: string; refusal: JobRefusal }>, at: string): void {
    this.db.write('job-refused', () => {
      for (const { jobId, refusal } of jobs) {
        const row = this.raw(jobId);
        if (row.state !== 'running' || row.bytes_written > 0 || row.interruptions_json !== '[]')
          throw new RangeError(
            `job ${jobId} may have written to its drive: it cannot be refused (${row.state})`,
          );
        this.db.run(
          `UPDATE erase_jobs SET state = 'refused', result = NULL, ended_at = ?, refusal_json = ?,
             prior_seconds = 0, segment_started_at = NULL WHERE job_id = ?`,
          at,
          JSON.stringify(refusal),
          jobId,
        );
      }
    });
  }

  /** Closes an unfinished job for good (its drive is gone, or a newer job replaced it): ABORTED, not resumable. */
  discard(jobId: string, reason: string, at: string): boolean {
    return this.db.write('job-discarded', () => {
      const row = this.raw(jobId);
      if (row.state === 'finished' || row.state === 'refused') return false;
      this.db.run(
        `UPDATE erase_jobs SET state = 'finished', result = 'ABORTED', ended_at = ?, discarded_at = ?,
           discard_reason = ?, prior_seconds = ?, segment_started_at = NULL WHERE job_id = ?`,
        row.ended_at ?? at,
        at,
        reason,
        closeSegment(row.prior_seconds, row.segment_started_at, row.checkpointed_at ?? at),
        jobId,
      );
      return true;
    });
  }

  /** Part of the record's commit transaction: these jobs are now in `recordId`. */
  markRecorded(jobIds: readonly string[], recordId: string): void {
    for (const jobId of jobIds)
      this.db.run('UPDATE erase_jobs SET record_id = ? WHERE job_id = ?', recordId, jobId);
  }

  get(jobId: string): StoredJob<Plan, Outcome> | null {
    const raw = this.db.get<RawJob>('SELECT * FROM erase_jobs WHERE job_id = ?', jobId);
    return raw ? toJob<Plan, Outcome>(raw) : null;
  }

  list(): StoredJob<Plan, Outcome>[] {
    return this.db.all<RawJob>('SELECT * FROM erase_jobs ORDER BY rowid').map((r) => toJob(r));
  }

  /** Running or stopped jobs: resumable unless their owner still lives. */
  unfinished(): StoredJob<Plan, Outcome>[] {
    return this.db
      .all<RawJob>(`SELECT * FROM erase_jobs WHERE state IN ('running', 'aborted') ORDER BY rowid`)
      .map((r) => toJob(r));
  }

  /** Finished jobs of a known batch whose record was never committed (a crash in between): to commit now. */
  unrecorded(): StoredJob<Plan, Outcome>[] {
    return this.db
      .all<RawJob>(
        `SELECT * FROM erase_jobs WHERE state = 'finished' AND record_id IS NULL
           AND batch_id IN (SELECT batch_id FROM erase_batches) ORDER BY rowid`,
      )
      .map((r) => toJob(r));
  }

  private raw(jobId: string): RawJob {
    const row = this.db.get<RawJob>('SELECT * FROM erase_jobs WHERE job_id = ?', jobId);
    if (!row) throw new RangeError(`no job ${jobId} in the journal`);
    return row;
  }
}
