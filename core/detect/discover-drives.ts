import type { Drive } from '../drive.js';
import { type Text, text } from '../i18n.js';
import type { System } from '../run/system.js';
import type { LsblkNode } from '../tools/lsblk/parse-lsblk.js';
import { buildDrive } from './build-drive.js';
import { probeDrive } from './probe-drive.js';
import { assessProtection } from './protection.js';
import { readStorageFacts } from './storage-facts.js';

export interface Discovery {
  drives: Drive[];
  /** Machine-level warnings (a tool missing, …); per-drive ones are on each drive. */
  warnings: Text[];
}

/** Reads the machine through `system` (real, recording or replayed) and returns every drive with its facts. */
export async function discoverDrives(system: System): Promise<Discovery> {
  const facts = await readStorageFacts(system);
  const protections = assessProtection(facts);
  const candidates = facts.nodes.filter(isDriveCandidate);
  const probes = await Promise.all(
    candidates.map((node) => probeDrive(system, node, facts.loopBackingFiles)),
  );
  const drives = probes.map((probe) => buildDrive(probe, protections.get(probe.node.name) ?? []));
  const missing = new Map(probes.flatMap((p) => p.missingTools).map((e) => [e.program, e.debianPackage]));
  const warnings = [...missing].map(([program, pkg]) =>
    text(
      `${program} n’est pas installé (apt-get install ${pkg}) : ce qu’il dit des disques reste inconnu`,
      `${program} is not installed (apt-get install ${pkg}): the facts it gives are unknown`,
    ),
  );
  return { drives, warnings };
}

/**
 * Whole drives only: partitions, holders, optical drives and RAM-backed devices are not erase targets. A SAS or
 * SCSI disk of size 0 stays: the kernel gives that size to drives formatted with 520/528-byte blocks, which
 * gomme can reformat (its real size comes from READ CAPACITY).
 */
function isDriveCandidate(node: LsblkNode): boolean {
  if (node.type !== 'disk' && node.type !== 'loop') return false;
  if (/^(zram|ram)\d+$/.test(node.kname)) return false;
  const tran = node.tran?.toLowerCase();
  return node.sizeBytes !== 0 || tran === 'sas' || tran === 'spi' || tran === 'fc';
}
