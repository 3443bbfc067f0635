import type { EraseResult } from './events.js';

/**
 * The one rule that turns what happened to a drive into its result, used by every engine, the session and the
 * erasure record. A result is never more lenient than these facts say.
 */

/** Worst first when a machine or a lot is summed up: FAILED > ABORTED > ERASED_WITH_EXCEPTIONS > ERASED. */
export const RESULT_SEVERITY: Readonly<Record<EraseResult, number>> = {
  ERASED: 0,
  ERASED_WITH_EXCEPTIONS: 1,
  ABORTED: 2,
  FAILED: 3,
};

export function worstResult(results: readonly EraseResult[]): EraseResult {
  return results.reduce<EraseResult>((a, b) => (RESULT_SEVERITY[a] >= RESULT_SEVERITY[b] ? a : b), 'ERASED');
}

/** The stricter of two results (a later fact may make a verdict worse, never better). */
export function stricterResult(a: EraseResult, b: EraseResult): EraseResult {
  return RESULT_SEVERITY[a] >= RESULT_SEVERITY[b] ? a : b;
}

export interface VerdictFacts {
  /** Stopped before the end (operator, signal, journal failure): resumable, not finished. */
  stopped: boolean;
  /** Errors recorded at any time (I/O, command, sync, stall, verification mismatch), before a resume too. */
  errorCount: number;
  /** Read-back result; null when nothing was read back (an overwrite with --verify none). */
  verificationPassed: boolean | null;
  /** Set for a firmware purge: the drive said it succeeded. A purge also needs a passed read-back. */
  firmware?: { succeeded: boolean };
  /** A hidden area (HPA/DCO) was left where the erasure does not reach. */
  hiddenAreaLeft?: boolean;
  /** The job was interrupted and never taken up again. */
  unresumedInterruption?: boolean;
}

export function driveVerdict(facts: VerdictFacts): EraseResult {
  if (facts.stopped) return 'ABORTED';
  if (facts.verificationPassed === false) return 'FAILED';
  // A drive that says "done" proves nothing until the data says so too.
  if (facts.firmware && (!facts.firmware.succeeded || facts.verificationPassed !== true)) return 'FAILED';
  if (facts.errorCount > 0) return 'FAILED';
  if (facts.hiddenAreaLeft || facts.unresumedInterruption) return 'ERASED_WITH_EXCEPTIONS';
  return 'ERASED';
}
