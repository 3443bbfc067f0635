import { recheckProtection } from '../core/detect/recheck.js';
import type { Drive } from '../core/drive.js';
import { ProtectedDeviceError } from '../core/errors.js';
import type { System } from '../core/run/system.js';
import { openBlockDevice } from '../erasure/io/block-device.js';

/**
 * Before a resume only (`gomme erase --resume`), whole command refused (exit 3) on the first failure: the storage
 * graph is read again, then each drive is claimed exclusively for a moment, read-only. A new erasure needs no
 * such probe: the engine's claim refuses it before any write and its jobs end refused in the journal. A resume
 * does, because claimJobs notes each job's interruption and takes it over before the engine's claim: refused
 * there, the job stays resumable (it was written to before), but its record would list one interruption too many.
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
