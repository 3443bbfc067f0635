import type { EraseResult } from '../core/events.js';
import { ExitCode } from '../core/exit-codes.js';
import { text } from '../core/i18n.js';
import { JournalError } from '../core/journal/index.js';
import type { JobResult } from '../erasure/jobs/run-jobs.js';
import type { EmergencyCopy } from './emergency.js';

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

/**
 * For a front end without an NDJSON stream (the guide, the demo): the journal's failure, with what reached each
 * drive and where the emergency copy is, in one message.
 */
export function faultWithCopy(fault: JournalError, copy: EmergencyCopy | null): JournalError {
  const reached = (copy?.drives ?? []).map(
    (d) => `${d.device} ${d.result} (pass ${d.checkpoint.pass + 1} @${d.checkpoint.offset})`,
  );
  const files = copy?.files.join(', ') || '—';
  return new JournalError(
    fault.code,
    fault.file,
    text(
      `${fault.text.fr} Arrêt : ${reached.join(' ; ')}. Copie de secours des rapports : ${files}.`,
      `${fault.text.en} Stopped: ${reached.join('; ')}. Emergency copy of the records: ${files}.`,
    ),
    fault.hint ?? text('', ''),
    fault,
  );
}
