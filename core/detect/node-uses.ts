import { type Text, text } from '../i18n.js';
import type { LsblkNode } from '../tools/lsblk/parse-lsblk.js';
import type { StorageFacts } from './storage-facts.js';
import type { GraphNode, StorageGraph } from './storage-graph.js';

/**
 * Pure: what each node of the storage graph is doing right now, on its own. Protection then walks the graph
 * from a drive to every node whose use erasing the drive would destroy. The boot medium is recognised from
 * what is mounted (live-boot's medium and root filesystem), the kernel command line (root=UUID=…) and the data
 * partition's label — never from device names, which change between boots.
 */
export type Use =
  | { kind: 'mounted'; at: string }
  | { kind: 'swap' }
  | { kind: 'boot'; what: Text }
  | { kind: 'bcache'; role: 'backing' | 'cache' }
  /** The node is a mapping built on others (dm, md, bcache, zram): they must stay as they are. */
  | { kind: 'holder' };

/** Mount points where Debian live-boot (and casper, dracut) keep the boot medium or the system it carries. */
const SYSTEM_MOUNTS = ['/', '/boot', '/boot/efi', '/usr'];
const LIVE_PREFIXES = [
  '/run/live/medium',
  '/run/live/findiso',
  '/run/live/rootfs',
  '/run/live/persistence',
  '/lib/live/mount',
  '/run/initramfs/live',
  '/run/archiso',
  '/cdrom',
];
export const DATA_PARTITION_LABEL = 'GOMME-DATA';

export function nodeUses(graph: StorageGraph, facts: StorageFacts): Map<string, Use[]> {
  const refs = rootReferences(facts.cmdline);
  const uses = new Map<string, Use[]>();
  for (const node of graph.nodes.values()) {
    const found: Use[] = [];
    for (const mp of node.mountpoints) {
      if (mp === '[SWAP]') {
        found.push({ kind: 'swap' });
        continue;
      }
      found.push({ kind: 'mounted', at: mp });
      if (SYSTEM_MOUNTS.includes(mp) || LIVE_PREFIXES.some((p) => mp === p || mp.startsWith(`${p}/`))) {
        found.push({
          kind: 'boot',
          what: text(
            `porte le système en marche (monté sur ${mp})`,
            `holds the running system (mounted at ${mp})`,
          ),
        });
      }
    }
    if (node.lsblk) found.push(...bootMarks(node.lsblk, refs));
    const role = facts.bcacheRoles?.get(node.id);
    if (role) found.push({ kind: 'bcache', role });
    if (isHolder(graph, node)) found.push({ kind: 'holder' });
    if (found.length > 0) uses.set(node.id, found);
  }
  return uses;
}

function bootMarks(node: LsblkNode, refs: readonly RootReference[]): Use[] {
  const marks: Use[] = [];
  if (node.label === DATA_PARTITION_LABEL) {
    marks.push({
      kind: 'boot',
      what: text(
        `est la partition de données de gomme (${DATA_PARTITION_LABEL})`,
        `is gomme's data partition (${DATA_PARTITION_LABEL})`,
      ),
    });
  }
  if (refs.some((ref) => matchesReference(node, ref))) {
    marks.push({
      kind: 'boot',
      what: text(
        'est la racine désignée sur la ligne de commande du noyau',
        'is the root device named on the kernel command line',
      ),
    });
  }
  return marks;
}

function isHolder(graph: StorageGraph, node: GraphNode): boolean {
  return (graph.below.get(node.id) ?? []).some((edge) => edge.kind === 'holder');
}

interface RootReference {
  kind: 'uuid' | 'partuuid' | 'label' | 'path';
  value: string;
}

/** root=, live-media= and bootfrom= values of the kernel command line. */
export function rootReferences(cmdline: string): RootReference[] {
  const refs: RootReference[] = [];
  for (const token of cmdline.trim().split(/\s+/)) {
    const match = /^(?:root|live-media|bootfrom)=(.+)$/.exec(token);
    if (!match?.[1]) continue;
    const value = match[1];
    const tagged = /^(UUID|PARTUUID|LABEL)=(.+)$/i.exec(value);
    if (tagged?.[1] && tagged[2])
      refs.push({ kind: tagged[1].toLowerCase() as RootReference['kind'], value: tagged[2] });
    else if (value.startsWith('/dev/disk/by-uuid/')) refs.push({ kind: 'uuid', value: value.slice(18) });
    else if (value.startsWith('/dev/disk/by-label/')) refs.push({ kind: 'label', value: value.slice(19) });
    else if (value.startsWith('/dev/')) refs.push({ kind: 'path', value });
  }
  return refs;
}

function matchesReference(node: LsblkNode, ref: RootReference): boolean {
  switch (ref.kind) {
    case 'uuid':
      return node.uuid?.toLowerCase() === ref.value.toLowerCase();
    case 'partuuid':
      return node.partuuid?.toLowerCase() === ref.value.toLowerCase();
    case 'label':
      return node.label === ref.value;
    case 'path':
      return node.path === ref.value;
  }
}
