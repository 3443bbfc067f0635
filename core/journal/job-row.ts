import type { Drive } from '../drive.js';
import type { EraseResult } from '../events.js';
import type { Interruption, JobRefusal, JobState, StoredJob } from './jobs.js';

/** An erase_jobs row as SQLite returns it. */
export interface RawJob {
  job_id: string;
  batch_id: string;
  device: string;
  drive_json: string;
  plan_json: string;
  state: JobState;
  checkpoint_pass: number;
  checkpoint_offset: number;
  checkpointed_at: string | null;
  pid: number | null;
  owner_start: string | null;
  started_at: string;
  ended_at: string | null;
  segment_started_at: string | null;
  prior_seconds: number;
  bytes_written: number;
  pass_bytes_json: string;
  result: EraseResult | null;
  outcome_json: string | null;
  interruptions_json: string;
  record_id: string | null;
  discarded_at: string | null;
  discard_reason: string | null;
  /** Since schema 7. */
  refusal_json: string | null;
}

/** The typed job of a row (the plan and the outcome are the engine's JSON, read back as written). */
export function toJob<Plan, Outcome>(raw: RawJob): StoredJob<Plan, Outcome> {
  return {
    jobId: raw.job_id,
    batchId: raw.batch_id,
    device: raw.device,
    drive: JSON.parse(raw.drive_json) as Drive,
    plan: JSON.parse(raw.plan_json) as Plan,
    state: raw.state,
    checkpoint: { pass: raw.checkpoint_pass, offset: raw.checkpoint_offset },
    checkpointedAt: raw.checkpointed_at,
    owner: raw.pid === null ? null : { pid: raw.pid, start: raw.owner_start },
    startedAt: raw.started_at,
    endedAt: raw.ended_at,
    segmentStartedAt: raw.segment_started_at,
    result: raw.result,
    outcome: raw.outcome_json ? (JSON.parse(raw.outcome_json) as Outcome) : null,
    interruptions: JSON.parse(raw.interruptions_json) as Interruption[],
    figures: {
      bytesWritten: raw.bytes_written,
      passBytes: JSON.parse(raw.pass_bytes_json) as number[],
      seconds: raw.prior_seconds,
    },
    recordId: raw.record_id,
    discarded: raw.discarded_at ? { at: raw.discarded_at, reason: raw.discard_reason ?? '' } : null,
    refusal: raw.refusal_json ? (JSON.parse(raw.refusal_json) as JobRefusal) : null,
  };
}
