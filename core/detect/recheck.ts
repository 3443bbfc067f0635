import type { Drive, Protection } from '../drive.js';
import { DeviceNotFoundError } from '../errors.js';
import type { System } from '../run/system.js';
import { flattenLsblk } from '../tools/lsblk/parse-lsblk.js';
import { nodeUses } from './node-uses.js';
import { protectionsOf } from './protection.js';
import { readStorageFacts } from './storage-facts.js';
import { buildStorageGraph } from './storage-graph.js';

/**
 * Re-reads the whole storage graph (lsblk, mounts, swap, sysfs holders/slaves, loop backing files, md, bcache,
 * zram; no drive command) and returns the protections `drive` has now. Call it right before opening a drive
 * for writing: something may have been mounted or stacked on it since discovery. An empty list means nothing
 * protects it at this instant; the exclusive open that follows closes the remaining window.
 * Throws DeviceNotFoundError when the device is gone, and what discovery throws when lsblk cannot be read.
 */
export async function recheckProtection(system: System, drive: Pick<Drive, 'path'>): Promise<Protection[]> {
  const facts = await readStorageFacts(system);
  const node = flattenLsblk(facts.nodes).find(
    (n) => n.path === drive.path || `/dev/${n.kname}` === drive.path,
  );
  if (!node) throw new DeviceNotFoundError(drive.path);
  const graph = buildStorageGraph(facts);
  return protectionsOf(graph, nodeUses(graph, facts), node.kname);
}
