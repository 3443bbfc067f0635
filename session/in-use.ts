import { recheckProtection } from '../core/detect/recheck.js';
import type { Drive } from '../core/drive.js';
import { ProtectedDeviceError } from '../core/errors.js';
import type { System } from '../core/run/system.js';

/**
 * Before the confirmation and before any job is created, the whole command refused (exit 3) on the first drive
 * found protected: the storage graph is read again (something may have been mounted or stacked on a target
 * since discovery). A drive held by another program is not probed here: the engine reads the graph once more
 * and claims every target (O_EXCL) right before writing, and refuses the whole command if one is held
 * (TargetsBusyError, exit 3, naming each device and why).
 */
export async function refuseDrivesInUse(drives: readonly Drive[], system: System): Promise<void> {
  for (const drive of drives) {
    const protections = await recheckProtection(system, drive);
    if (protections.length > 0) throw new ProtectedDeviceError(drive.path, protections);
  }
}
