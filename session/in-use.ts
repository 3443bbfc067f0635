import { recheckProtection } from '../core/detect/recheck.js';
import type { Drive } from '../core/drive.js';
import { ProtectedDeviceError } from '../core/errors.js';
import type { System } from '../core/run/system.js';
import { openBlockDevice } from '../erasure/io/block-device.js';

/**
 * The last checks before any job is created, whole command refused (exit 3) on the first failure: the storage
 * graph is read again (something may have been mounted or stacked on a target since discovery), then each
 * target is claimed exclusively for a moment, read-only (the documented rule for a drive in use). The engine's
 * claim (graph read again, O_EXCL on every target right before writing) also refuses, but only after the jobs
 * exist: refused there, they end finished without a record, which the next command's commitUnrecorded would
 * turn into a record of drives never touched. So this probe stays until the journal can mark a job refused.
 */
export async function refuseDrivesInUse(drives: readonly Drive[], system: System): Promise<void> {
  for (const drive of drives) {
    const protections = await recheckProtection(system, drive);
    if (protections.length > 0) throw new ProtectedDeviceError(drive.path, protections);
  }
  for (const drive of drives) {
    const device = await openBlockDevice(drive.path, { write: false, exclusive: true });
    await device.close();
  }
}
