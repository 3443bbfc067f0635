/**
 * Room the journal needs on its partition before an erasure may start: the write-ahead log grows to about
 * 4 MiB between two automatic checkpoints (1000 pages), and each drive adds its job, errors, record and signed
 * PDFs (about 60 KB each, measured) with a wide margin. Checked with statfs before the first byte is written.
 */
export const JOURNAL_HEADROOM_BYTES = 8 * 1024 * 1024;
export const BYTES_PER_DRIVE = 1024 * 1024;

export function roomNeeded(drives: number): number {
  return JOURNAL_HEADROOM_BYTES + Math.max(1, drives) * BYTES_PER_DRIVE;
}
