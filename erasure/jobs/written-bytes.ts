import type { OverwriteOutcome } from '../engine/overwrite-job.js';

export interface ResumePoint {
  pass: number;
  offset: number;
}

/**
 * Bytes per pass (index 0 = pass 1) written by the runs of a job before the one starting at `resumeFrom`, so
 * the outcome counts every run. The last outcome saved in the journal (a run stopped by Ctrl-C or a stalled
 * drive) gives exact counts up to the resume point it `reached`; a run killed without saving one (SIGKILL, power
 * cut) counts what its checkpoints prove: from where it started to where the next run starts.
 */
export function carriedBytes(
  passes: number,
  sizeBytes: number,
  previous: Pick<OverwriteOutcome, 'bytesWrittenByPass' | 'reached'> | null,
  resumeFrom: ResumePoint | null,
): number[] {
  const carried = Array.from({ length: passes }, () => 0);
  if (resumeFrom === null) return carried;
  let start: ResumePoint = { pass: 0, offset: 0 };
  if (previous?.bytesWrittenByPass && previous.reached) {
    for (let i = 0; i < passes; i++) carried[i] = previous.bytesWrittenByPass[i] ?? 0;
    start = previous.reached;
  }
  for (let pass = start.pass; pass <= Math.min(resumeFrom.pass, passes - 1); pass++) {
    const from = pass === start.pass ? start.offset : 0;
    const to = pass === resumeFrom.pass ? resumeFrom.offset : sizeBytes;
    if (to > from) carried[pass] = (carried[pass] ?? 0) + (to - from);
  }
  return carried;
}

type Figures = { bytesWritten: number; passBytes: number[] };
type EngineCount = Pick<OverwriteOutcome, 'bytesWritten' | 'bytesWrittenByPass' | 'reached'>;

/**
 * Bytes written as the result and the record report them. The engine's own count (what the drive accepted, over
 * every run: a block that failed is not counted) when its outcome is the latest word on the job; otherwise (an
 * older outcome, a purge, a run killed before it ended) the journal's figures, which count what the checkpoints
 * prove.
 */
export function reportedWritten(
  figures: Figures,
  outcome: Partial<EngineCount> | null | undefined,
  checkpoint: ResumePoint,
): Figures {
  const reached = outcome?.reached;
  const current =
    reached !== undefined &&
    (reached.pass > checkpoint.pass ||
      (reached.pass === checkpoint.pass && reached.offset >= checkpoint.offset));
  if (outcome?.bytesWrittenByPass && outcome.bytesWritten !== undefined && current) {
    return { bytesWritten: outcome.bytesWritten, passBytes: outcome.bytesWrittenByPass };
  }
  return { ...figures, bytesWritten: Math.max(figures.bytesWritten, outcome?.bytesWritten ?? 0) };
}
