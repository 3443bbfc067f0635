import type { Drive } from '../../core/drive.js';

/**
 * Finds, among the drives present now, the one a job was started on. Device names change across reboots, so the
 * drive is matched by identity (serial and size, or a loop device's backing file), never by path alone.
 */
export function matchDrive(recorded: Drive, present: readonly Drive[]): Drive | null {
  const key = driveKey(recorded);
  return present.find((d) => driveKey(d) === key) ?? null;
}

/**
 * One string per physical drive, the same across reboots and device renames: what "the same drive" means for
 * matching a job and for allowing at most one live job per drive.
 */
export function driveKey(drive: Drive): string {
  if (drive.serial) return `serial:${drive.model ?? ''}:${drive.serial}:${drive.sizeBytes}`;
  if (drive.backingFile) return `backing:${drive.backingFile}:${drive.sizeBytes}`;
  if (drive.wwn) return `wwn:${drive.wwn}:${drive.sizeBytes}`;
  // No identity at all: only the same path with the same size will do.
  return `path:${drive.path}:${drive.sizeBytes}`;
}
