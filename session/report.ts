import type { EraseResult } from '../core/events.js';
import { ExitCode } from '../core/exit-codes.js';
import type { JobResult } from '../erasure/jobs/run-jobs.js';

/** 0 only when every drive is ERASED; 130 when one was stopped; 6 when some are ERASED; 7 when none is. */
export function exitCodeFor(results: ReadonlyArray<{ result: EraseResult }>): number {
  if (results.every((r) => r.result === 'ERASED')) return ExitCode.OK;
  if (results.some((r) => r.result === 'ABORTED')) return ExitCode.INTERRUPTED;
  if (results.some((r) => r.result === 'ERASED')) return ExitCode.PARTIAL;
  return ExitCode.ERASE_FAILED;
}

/** The records that hold these drives (a front end that kept only the engine's results still has them). */
export function recordIdsOf(results: readonly JobResult[]): string[] {
  const ids = results.flatMap((r) => {
    const id = (r as { recordId?: unknown }).recordId;
    return typeof id === 'string' ? [id] : [];
  });
  return [...new Set(ids)];
}
