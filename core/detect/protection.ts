import type { Protection } from '../drive.js';
import { type Text, text } from '../i18n.js';
import type { LsblkNode } from '../tools/lsblk/parse-lsblk.js';
import { flattenLsblk } from '../tools/lsblk/parse-lsblk.js';

/**
 * Pure protection verdicts: which drives gomme must never touch, and why. The boot medium is found from what
 * is mounted (live-boot's medium and root filesystem, loop devices' backing files), the kernel command line
 * (root=UUID=…) and the data partition's label — never from device names, which change between boots.
 */

export interface ProtectionInputs {
  nodes: readonly LsblkNode[];
  /** Active swap areas from /proc/swaps (device paths or files). */
  swaps: readonly string[];
  /** /proc/cmdline. */
  cmdline: string;
  /** kname of each loop device → its backing file (/sys/block/loopN/loop/backing_file). */
  loopBackingFiles: ReadonlyMap<string, string>;
}

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

const HOLDER_TYPES = /^(lvm|crypt|dm|mpath|raid\d*|md|linear)$/;

export function assessProtection(inputs: ProtectionInputs): Map<string, Protection[]> {
  const verdicts = new Map<string, Protection[]>();
  const bootDisks = findBootDisks(inputs);
  for (const disk of inputs.nodes) {
    const found: Protection[] = [];
    const subtree = flattenLsblk([disk]);
    if (disk.readOnly)
      found.push(p('read-only', `${disk.name} is read-only`, `${disk.name} est en lecture seule`));
    for (const why of bootDisks.get(disk.name) ?? []) found.push(p('boot-medium', why.en, why.fr));
    for (const node of subtree) {
      for (const mp of node.mountpoints) {
        if (mp === '[SWAP]')
          found.push(p('swap', `${node.name} is active swap`, `${node.name} sert de mémoire d'échange`));
        else found.push(p('mounted', `${node.name} is mounted at ${mp}`, `${node.name} est monté sur ${mp}`));
      }
      if (inputs.swaps.includes(node.path) && !node.mountpoints.includes('[SWAP]')) {
        found.push(p('swap', `${node.name} is active swap`, `${node.name} sert de mémoire d'échange`));
      }
      if (node !== disk && node.type && HOLDER_TYPES.test(node.type)) {
        found.push(
          p(
            'holder',
            `${node.name} (${node.type}) is built on it`,
            `${node.name} (${node.type}) est construit dessus`,
          ),
        );
      }
    }
    verdicts.set(disk.name, dedupe(found));
  }
  return verdicts;
}

/** top-level disk name → why it is (or carries) the boot medium. */
function findBootDisks(inputs: ProtectionInputs): Map<string, Text[]> {
  const result = new Map<string, Text[]>();
  const topOf = new Map<LsblkNode, LsblkNode>();
  for (const top of inputs.nodes) for (const node of flattenLsblk([top])) topOf.set(node, top);
  const all = [...topOf.keys()];
  const mark = (node: LsblkNode, why: Text) => {
    const top = topOf.get(node) ?? node;
    result.set(top.name, [...(result.get(top.name) ?? []), why]);
  };

  // Walks from a path on a mounted filesystem to the node holding it, then through loop backing files.
  const markHolderOfPath = (path: string, why: Text, depth = 0) => {
    const holder = mountHolding(all, path);
    if (!holder || depth > 8) return;
    const on = holder.node.name;
    mark(holder.node, text(`${why.fr} (${path} est sur ${on})`, `${why.en} (${path} is on ${on})`));
    const backing = inputs.loopBackingFiles.get(holder.node.kname);
    if (backing) markHolderOfPath(backing, why, depth + 1);
  };

  for (const node of all) {
    for (const mp of node.mountpoints) {
      const live = LIVE_PREFIXES.some((p) => mp === p || mp.startsWith(`${p}/`));
      if (live || SYSTEM_MOUNTS.includes(mp)) {
        mark(
          node,
          text(
            `${node.name} porte le système en marche (monté sur ${mp})`,
            `${node.name} holds the running system (mounted at ${mp})`,
          ),
        );
        const backing = inputs.loopBackingFiles.get(node.kname);
        const why = text(
          `${node.name} repose sur un fichier du support de démarrage`,
          `${node.name} is backed by a file of the boot medium`,
        );
        if (backing) markHolderOfPath(backing, why);
      }
    }
    if (node.label === DATA_PARTITION_LABEL) {
      mark(
        node,
        text(
          `${node.name} est la partition de données de gomme (${DATA_PARTITION_LABEL})`,
          `${node.name} is gomme's data partition (${DATA_PARTITION_LABEL})`,
        ),
      );
    }
  }
  for (const ref of rootReferences(inputs.cmdline)) {
    for (const node of all) {
      if (matchesReference(node, ref)) {
        mark(
          node,
          text(
            `${node.name} est la racine désignée sur la ligne de commande du noyau`,
            `${node.name} is the root device named on the kernel command line`,
          ),
        );
      }
    }
  }
  return result;
}

function mountHolding(
  all: readonly LsblkNode[],
  path: string,
): { node: LsblkNode; mountpoint: string } | null {
  let best: { node: LsblkNode; mountpoint: string } | null = null;
  for (const node of all) {
    for (const mp of node.mountpoints) {
      const inside = mp === '/' || path === mp || path.startsWith(`${mp}/`);
      if (mp !== '[SWAP]' && inside && (!best || mp.length > best.mountpoint.length))
        best = { node, mountpoint: mp };
    }
  }
  return best;
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

/** /proc/swaps: first column of every line after the header. */
export function parseProcSwaps(text: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((path) => path.startsWith('/'))
    .map((path) => path.replace(/\\040/g, ' '));
}

function p(reason: Protection['reason'], detail: string, detailFr: string): Protection {
  return { reason, detail, detailFr };
}

function dedupe(list: Protection[]): Protection[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.reason}\u0000${p.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
