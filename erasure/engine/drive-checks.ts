import type { IoErrorRange } from '../../core/events.js';
import type { BlockDevice } from '../io/block-device.js';
import { StalledError, withDeadline } from './with-deadline.js';

/**
 * Records a SIZE_CHANGED error and returns false when the drive no longer has the size the job writes (a loop
 * device resized, a USB bridge that re-enumerates, a hidden area unlocked): an erasure of the old size would
 * leave the new part untouched, or write past the end.
 */
export function sizeUnchanged(
  expected: number,
  actual: number,
  pass: number,
  onError: (e: IoErrorRange) => void,
): boolean {
  if (actual === expected) return true;
  onError({
    operation: 'command',
    pass,
    offset: Math.min(expected, actual),
    length: Math.abs(actual - expected),
    code: 'SIZE_CHANGED',
    message: `the drive's size changed: ${expected} bytes expected, the kernel now reports ${actual}; the erasure cannot cover it`,
  });
  return false;
}

/** Re-reads the size the kernel reports and compares it with the size the job was writing. */
export async function sizeStillIs(
  device: BlockDevice,
  stallMs: number,
  pass: number,
  onError: (e: IoErrorRange) => void,
): Promise<boolean> {
  return sizeUnchanged(device.sizeBytes, await withDeadline(device.readSizeBytes(), stallMs), pass, onError);
}

/** close(), but a drive that does not answer it is left to the abandoned engine rather than waited for. */
export async function closeWithin(device: BlockDevice, stallMs: number): Promise<void> {
  try {
    await withDeadline(device.close(), stallMs);
  } catch (error) {
    if (!(error instanceof StalledError)) throw error;
  }
}
