import type { Drive } from '../core/drive.js';
import type { EraseResult } from '../core/events.js';
import { driveVerdict, stricterResult } from '../core/verdict.js';
import type { JobOutcome } from '../erasure/jobs/job-store.js';
import { hiddenAreas } from './record-input.js';

/**
 * A job's final result: the engine's, made stricter by what the engine does not see (errors journaled before a
 * crash, a hidden area the overwrite never reached). The same rule the record applies, so the two never differ.
 */
export function finalResult(drive: Drive, outcome: JobOutcome, errorCount: number): EraseResult {
  const purge = outcome.purge;
  const areas = hiddenAreas(drive, outcome);
  if (outcome.notErased) return 'FAILED';
  return stricterResult(
    outcome.result,
    driveVerdict({
      stopped: outcome.result === 'ABORTED',
      errorCount,
      verificationPassed: outcome.verification.passed,
      ...(purge
        ? {
            firmware: {
              succeeded:
                purge.outcome.status === 'succeeded' || purge.outcome.status === 'already-running-followed',
            },
          }
        : {}),
      hiddenAreaLeft: areas.hpa.handling === 'left-in-place' || areas.dco.handling === 'left-in-place',
    }),
  );
}
