import type { Database } from 'better-sqlite3';
import type { Drive } from '../../core/drive.js';
import type { EraseResult, IoErrorRange } from '../../core/events.js';
import type { OverwriteOutcome } from '../engine/overwrite-job.js';
import type { PlannedPass } from '../plan/resolve-passes.js';
import type { PurgeEngineId } from '../purge/engine.js';

/** What a job needs to run, resume and re-verify: stored whole so nothing depends on the process that started it. */
export interface JobPlan {
  /** Set when the drive's own sanitize command does the work (the passes are then empty). */
  purge?: { engine: PurgeEngineId; technique: string };
  methodId: string;
  methodLabel: string;
  nistLevel: 'clear' | 'purge';
  verify: string;
  passes: PlannedPass[];
  verifySeed: string;
}

export interface Interruption {
  detectedAt: string;
  pass: number;
  offset: number;
  reason: 'process-died' | 'operator-stopped';
}

export interface JobRow {
  jobId: string;
  batchId: string;
  device: string;
  drive: Drive;
  plan: JobPlan;
  state: 'running' | 'aborted' | 'finished';
  checkpoint: { pass: number; offset: number };
  pid: number | null;
  startedAt: string;
  endedAt: string | null;
  result: EraseResult | null;
  outcome: OverwriteOutcome | null;
  interruptions: Interruption[];
}

interface RawJob {
  job_id: string;
  batch_id: string;
  device: string;
  drive_json: string;
  plan_json: string;
  state: JobRow['state'];
  checkpoint_pass: number;
  checkpoint_offset: number;
  pid: number | null;
  started_at: string;
  ended_at: string | null;
  result: EraseResult | null;
  outcome_json: string | null;
  interruptions_json: string;
}

/** The erasure engine's part of the journal: job state, checkpoints and errors, committed as they happen. */
export class JobStore {
  constructor(readonly db: Database) {}

  create(job: {
    jobId: string;
    batchId: string;
    drive: Drive;
    plan: JobPlan;
    startedAt: string;
    pid: number;
  }): void {
    this.db
      .prepare(
        `INSERT INTO erase_jobs (job_id, batch_id, device, drive_json, method, plan_json, state, pid, started_at)
         VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(
        job.jobId,
        job.batchId,
        job.drive.path,
        JSON.stringify(job.drive),
        job.plan.methodId,
        JSON.stringify(job.plan),
        job.pid,
        job.startedAt,
      );
  }

  checkpoint(jobId: string, pass: number, offset: number, at: string): void {
    this.db
      .prepare(
        'UPDATE erase_jobs SET checkpoint_pass = ?, checkpoint_offset = ?, checkpointed_at = ? WHERE job_id = ?',
      )
      .run(pass, offset, at, jobId);
  }

  addError(jobId: string, error: IoErrorRange, at: string): void {
    this.db
      .prepare(
        `INSERT INTO erase_job_errors (job_id, seq, operation, pass, offset, length, code, message, at)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM erase_job_errors WHERE job_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        jobId,
        jobId,
        error.operation,
        error.pass,
        error.offset,
        error.length,
        error.code,
        error.message,
        at,
      );
  }

  errors(jobId: string): IoErrorRange[] {
    return this.db
      .prepare(
        'SELECT operation, pass, offset, length, code, message FROM erase_job_errors WHERE job_id = ? ORDER BY seq',
      )
      .all(jobId) as IoErrorRange[];
  }

  /** Takes a job up again in this process, noting the interruption. */
  claim(jobId: string, pid: number, interruption: Interruption): void {
    const row = this.get(jobId);
    if (!row) return;
    this.db
      .prepare(`UPDATE erase_jobs SET state = 'running', pid = ?, interruptions_json = ? WHERE job_id = ?`)
      .run(pid, JSON.stringify([...row.interruptions, interruption]), jobId);
  }

  finish(jobId: string, outcome: OverwriteOutcome, endedAt: string): void {
    const state = outcome.result === 'ABORTED' ? 'aborted' : 'finished';
    this.db
      .prepare('UPDATE erase_jobs SET state = ?, result = ?, outcome_json = ?, ended_at = ? WHERE job_id = ?')
      .run(state, outcome.result, JSON.stringify(outcome), endedAt, jobId);
  }

  /** A job that could not run at all (device vanished or busy): finished, FAILED, never resumable. */
  fail(jobId: string, endedAt: string): void {
    this.db
      .prepare(`UPDATE erase_jobs SET state = 'finished', result = 'FAILED', ended_at = ? WHERE job_id = ?`)
      .run(endedAt, jobId);
  }

  get(jobId: string): JobRow | null {
    const raw = this.db.prepare('SELECT * FROM erase_jobs WHERE job_id = ?').get(jobId) as RawJob | undefined;
    return raw ? toRow(raw) : null;
  }

  /** Jobs that can be resumed: stopped by the operator, or "running" in a process that no longer exists. */
  resumable(isAlive: (pid: number) => boolean): JobRow[] {
    const rows = this.db
      .prepare(`SELECT * FROM erase_jobs WHERE state IN ('running', 'aborted') ORDER BY started_at`)
      .all() as RawJob[];
    return rows.map(toRow).filter((job) => job.state === 'aborted' || job.pid === null || !isAlive(job.pid));
  }

  list(): JobRow[] {
    return (this.db.prepare('SELECT * FROM erase_jobs ORDER BY started_at').all() as RawJob[]).map(toRow);
  }
}

function toRow(raw: RawJob): JobRow {
  return {
    jobId: raw.job_id,
    batchId: raw.batch_id,
    device: raw.device,
    drive: JSON.parse(raw.drive_json) as Drive,
    plan: JSON.parse(raw.plan_json) as JobPlan,
    state: raw.state,
    checkpoint: { pass: raw.checkpoint_pass, offset: raw.checkpoint_offset },
    pid: raw.pid,
    startedAt: raw.started_at,
    endedAt: raw.ended_at,
    result: raw.result,
    outcome: raw.outcome_json ? (JSON.parse(raw.outcome_json) as OverwriteOutcome) : null,
    interruptions: JSON.parse(raw.interruptions_json) as Interruption[],
  };
}
