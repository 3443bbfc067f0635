import type { Drive } from '../core/drive.js';
import { openBlockDevice } from '../erasure/io/block-device.js';

/**
 * The documented rule for drives in use: the whole command is refused (exit 3, device-busy) before anything
 * is written, rather than one job failing later. Each target is claimed exclusively for a moment, read-only.
 */
export async function refuseDrivesInUse(drives: readonly Drive[]): Promise<void> {
  for (const drive of drives) {
    const device = await openBlockDevice(drive.path, { write: false, exclusive: true });
    await device.close();
  }
}
