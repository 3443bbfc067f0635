import type { EraseResult, IoErrorRange } from '../core/events.js';
import { JournalError } from '../core/journal/index.js';
import { addPassBytes, closeSegment } from '../core/journal/job-figures.js';
import type { JobJournal, JobOutcome, JobRefusal, JobStore } from '../erasure/jobs/job-store.js';
import type { PasswordVault } from '../erasure/purge/password-vault.js';
import type { JournaledJob } from './record-input.js';
import { finalResult } from './verdict.js';

/**
 * What running jobs write, kept twice: in the journal, and in memory. The first journal failure (full,
 * read-only, damaged) is caught here, never thrown into the engines: it is reported once through `onFault`
 * (which stops every job at its next chunk), and the memory copy goes on, so the session can still say
 * exactly what reached each drive and write it somewhere else.
 */
export class GuardedJobJournal implements JobJournal {
  fault: JournalError | null = null;
  private readonly jobs = new Map<string, JournaledJob>();

  constructor(
    private readonly store: JobStore,
    started: readonly JournaledJob[],
    private readonly onFault: (error: JournalError) => void,
  ) {
    for (const j of started) this.jobs.set(j.job.jobId, { job: { ...j.job }, errors: [...j.errors] });
  }

  checkpoint(jobId: string, pass: number, offset: number, at: string): void {
    const { job } = this.entry(jobId);
    const passBytes = addPassBytes(
      job.figures.passBytes,
      job.checkpoint,
      { pass, offset },
      job.drive.sizeBytes,
    );
    job.figures = { ...job.figures, passBytes, bytesWritten: passBytes.reduce((a, b) => a + b, 0) };
    job.checkpoint = { pass, offset };
    job.checkpointedAt = at;
    this.persist(() => this.store.checkpoint(jobId, pass, offset, at));
  }

  addError(jobId: string, error: IoErrorRange, at: string): void {
    this.entry(jobId).errors.push(error);
    this.persist(() => this.store.addError(jobId, error, at));
  }

  errors(jobId: string): IoErrorRange[] {
    return [...this.entry(jobId).errors];
  }

  finish(jobId: string, outcome: JobOutcome & { result: EraseResult }, endedAt: string): void {
    const entry = this.entry(jobId);
    const final = { ...outcome, result: finalResult(entry.job.drive, outcome, entry.errors.length) };
    this.close(entry, final.result, endedAt, final);
    this.persist(() => this.store.finish(jobId, final, endedAt));
  }

  fail(jobId: string, endedAt: string): void {
    this.close(this.entry(jobId), 'FAILED', endedAt, null);
    this.persist(() => this.store.fail(jobId, endedAt));
  }

  refuse(jobs: ReadonlyArray<{ jobId: string; refusal: JobRefusal }>, at: string): void {
    for (const { jobId, refusal } of jobs) {
      const { job } = this.entry(jobId);
      job.state = 'refused';
      job.result = null;
      job.refusal = refusal;
      job.endedAt = at;
      job.segmentStartedAt = null;
      job.figures = { ...job.figures, seconds: 0 };
    }
    this.persist(() => this.store.refuse(jobs, at));
  }

  /** The temporary-password vault, through the same guard: a journal failure there stops the jobs too. */
  vault(passwords: PasswordVault): PasswordVault {
    const guarded = async <T>(write: () => Promise<T>): Promise<T> => {
      try {
        return await write();
      } catch (error) {
        // The purge engine must not go on (it would set a password it cannot keep): it gets the error too.
        if (error instanceof JournalError && !this.fault) {
          this.fault = error;
          this.onFault(error);
        }
        throw error;
      }
    };
    return {
      remember: (serial, password) => guarded(() => passwords.remember(serial, password)),
      recall: (serial) => passwords.recall(serial),
      forget: (serial) => guarded(() => passwords.forget(serial)),
    };
  }

  get(jobId: string): JournaledJob['job'] | null {
    return this.jobs.get(jobId)?.job ?? null;
  }

  /** Every job as it stands now (the journal's view, or what it would be had the journal not failed). */
  snapshot(): JournaledJob[] {
    return [...this.jobs.values()].map((j) => ({ job: { ...j.job }, errors: [...j.errors] }));
  }

  private close(entry: JournaledJob, result: EraseResult, endedAt: string, outcome: JobOutcome | null): void {
    const { job } = entry;
    job.state = result === 'ABORTED' ? 'aborted' : 'finished';
    job.result = result;
    job.outcome = outcome ?? job.outcome;
    job.endedAt = endedAt;
    job.figures = {
      ...job.figures,
      seconds: closeSegment(job.figures.seconds, job.segmentStartedAt, endedAt),
    };
    job.segmentStartedAt = null;
  }

  private persist(write: () => void): void {
    if (this.fault) return;
    try {
      write();
    } catch (error) {
      if (!(error instanceof JournalError)) throw error;
      this.fault = error;
      this.onFault(error);
    }
  }

  private entry(jobId: string): JournaledJob {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new RangeError(`job ${jobId} is not part of this session`);
    return entry;
  }
}
