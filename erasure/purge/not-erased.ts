/**
 * The outcome of a drive nothing could erase (locked by a password or a TCG owner nobody knows): no byte is
 * written, the result is FAILED — never ERASED — and the record carries why and that the drive goes to
 * destruction. Built here so every front end and the record say the same thing.
 */
import type { OverwriteOutcome } from '../engine/overwrite-job.js';

export interface NotErased {
  code: string;
  reason: { fr: string; en: string };
}

export function notErasedOutcome(
  drive: { sizeBytes: number },
  notErased: NotErased,
  at: string,
): OverwriteOutcome & { notErased: NotErased } {
  return {
    result: 'FAILED',
    errors: [],
    sizeBytes: drive.sizeBytes,
    bytesWritten: 0,
    passesCompleted: 0,
    verification: {
      mode: 'none',
      passesVerified: 0,
      bytesRead: 0,
      coverage: 0,
      mismatchedBytes: 0,
      passed: null,
    },
    startedAt: at,
    endedAt: at,
    seconds: 0,
    notErased,
  };
}
