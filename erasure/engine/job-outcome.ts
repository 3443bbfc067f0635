import type { IoErrorRange } from '../../core/events.js';
import type { PlannedPass } from '../plan/resolve-passes.js';

export interface VerificationSummary {
  /** none, sample (NIST sampling of the last pass), full-last, full-all, or mixed. */
  mode: string;
  passesVerified: number;
  bytesRead: number;
  /** Fraction of the device read back for the last verified pass. */
  coverage: number;
  mismatchedBytes: number;
  passed: boolean | null;
}

export function emptyVerification(mode: string): VerificationSummary {
  return { mode, passesVerified: 0, bytesRead: 0, coverage: 0, mismatchedBytes: 0, passed: null };
}

export function verificationMode(passes: readonly PlannedPass[]): string {
  const modes = passes.map((p) => p.verify);
  if (modes.every((m) => m === 'none')) return 'none';
  if (modes.every((m) => m === 'full')) return 'full-all';
  const last = modes[modes.length - 1];
  if (modes.slice(0, -1).every((m) => m === 'none')) return last === 'full' ? 'full-last' : 'sample';
  return 'mixed';
}

/** Where each kind of error sits within a pass in the record: in the order they can happen. */
const OPERATION_ORDER: Record<IoErrorRange['operation'], number> = {
  command: 0,
  write: 1,
  sync: 2,
  read: 3,
  verify: 4,
  stall: 5,
};

/**
 * The record's error list: by pass, kind and offset, adjacent ranges of the same kind, pass and code merged into
 * one line. Sorted first because errors arrive interleaved: two writes in flight that both fail are narrowed to
 * 64 KiB blocks side by side.
 */
export function coalesce(errors: readonly IoErrorRange[]): IoErrorRange[] {
  const sorted = [...errors].sort(
    (a, b) =>
      (a.pass ?? -1) - (b.pass ?? -1) ||
      OPERATION_ORDER[a.operation] - OPERATION_ORDER[b.operation] ||
      a.code.localeCompare(b.code) ||
      a.offset - b.offset,
  );
  const out: IoErrorRange[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.operation === e.operation &&
      last.pass === e.pass &&
      last.code === e.code &&
      last.offset + last.length === e.offset
    ) {
      last.length += e.length;
    } else {
      out.push({ ...e });
    }
  }
  return out;
}
