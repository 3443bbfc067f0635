/**
 * The one event stream of a job. Engines emit it; the CLI progress display, the NDJSON output, the journal and
 * the TUI consume it. Progress is throttled at the source (at most a few per second per drive).
 */

export type EraseResult = 'ERASED' | 'ERASED_WITH_EXCEPTIONS' | 'FAILED' | 'ABORTED';

export interface IoErrorRange {
  operation: 'write' | 'read' | 'verify' | 'sync' | 'stall' | 'command';
  pass: number | null;
  offset: number;
  length: number;
  /** errno code (EIO, ENOSPC…), "MISMATCH" for verification, "STALLED" for a hung drive. */
  code: string;
  message: string;
}

interface Base {
  jobId: string;
  device: string;
  /** ISO-8601 time of the event. */
  at: string;
}

export type JobEvent =
  | (Base & { type: 'job-started'; method: string; passes: number; sizeBytes: number; resumed: boolean })
  | (Base & { type: 'pass-started'; pass: number; passes: number; pattern: string; fromOffset: number })
  | (Base & {
      type: 'progress';
      phase: 'write' | 'verify' | 'firmware';
      pass: number;
      passes: number;
      bytesDone: number;
      bytesTotal: number;
      /** Bytes per second over the last few seconds. */
      rate: number;
      etaSeconds: number | null;
    })
  | (Base & { type: 'checkpoint'; pass: number; offset: number })
  | (Base & { type: 'pass-finished'; pass: number; bytesWritten: number; seconds: number })
  | (Base & { type: 'io-error'; error: IoErrorRange })
  | (Base & { type: 'verify-started'; pass: number; mode: string; bytesToRead: number })
  | (Base & { type: 'verify-finished'; pass: number; bytesRead: number; mismatches: number; passed: boolean })
  | (Base & { type: 'warning'; message: string })
  | (Base & { type: 'job-finished'; result: EraseResult; seconds: number });

export type JobEventType = JobEvent['type'];
