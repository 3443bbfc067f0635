import type { Drive } from '../../core/drive.js';

/**
 * Finds, among the drives present now, the one a job was started on. Device names change across reboots, so the
 * drive is matched by identity (serial and size, or a loop device's backing file), never by path alone.
 */
export function matchDrive(recorded: Drive, present: readonly Drive[]): Drive | null {
  const sameSize = present.filter((d) => d.sizeBytes === recorded.sizeBytes);
  if (recorded.serial)
    return sameSize.find((d) => d.serial === recorded.serial && d.model === recorded.model) ?? null;
  if (recorded.backingFile) return sameSize.find((d) => d.backingFile === recorded.backingFile) ?? null;
  if (recorded.wwn) return sameSize.find((d) => d.wwn === recorded.wwn) ?? null;
  // No identity at all: only the same path with the same size will do.
  return sameSize.find((d) => d.path === recorded.path && !d.serial) ?? null;
}
